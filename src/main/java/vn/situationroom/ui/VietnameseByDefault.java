package vn.situationroom.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Opens every new browser tab in Vietnamese, whatever the browser's own language is. */
@Component
class VietnameseByDefault implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(BundleI18NProvider.VIETNAMESE));
    }
}
