package vn.situationroom.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * After a server restart a screen's session is gone; instead of waiting for someone to click "session expired" (there
 * is nobody at a wall screen), the browser reloads the page by itself as soon as the server answers again.
 */
@Component
class ReloadAfterRestart implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            return messages;
        });
    }
}
