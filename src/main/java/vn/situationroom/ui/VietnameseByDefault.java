package vn.situationroom.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Opens every new browser tab in Vietnamese, whatever the browser's own language is, unless the user picked another
 * language in this session (the menu's language switch).
 */
@Component
class VietnameseByDefault implements VaadinServiceInitListener {

    /** The session attribute that holds the language the user picked. */
    static final String CHOSEN = VietnameseByDefault.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Object chosen = VaadinSession.getCurrent() == null
                    ? null
                    : VaadinSession.getCurrent().getAttribute(CHOSEN);
            init.getUI().setLocale(chosen instanceof Locale locale ? locale : BundleI18NProvider.VIETNAMESE);
        });
    }
}
