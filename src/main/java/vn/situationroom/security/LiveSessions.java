package vn.situationroom.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The screens open now, by who is signed in on them, so that revoking a kiosk token or disabling an account closes
 * them at once: a wall kept up to date by server push makes no request of its own for minutes.
 */
@Component
public class LiveSessions {

    private final Map<String, Set<UI>> open = new ConcurrentHashMap<>();

    /** Remembers a screen of the current viewer until it is closed. */
    public void register(UI ui) {
        String name = Viewer.current().name();
        // A layout attaches again on every navigation; the screen is remembered once.
        boolean[] added = {false};
        open.compute(name, (n, uis) -> {
            Set<UI> set = uis == null ? ConcurrentHashMap.newKeySet() : uis;
            added[0] = set.add(ui);
            return set;
        });
        if (added[0]) {
            ui.addDetachListener(e -> forget(name, ui));
        }
    }

    /** Sends every open screen of a user, kiosk or token to the login page; their next request finds no session. */
    void end(String name) {
        Set<UI> uis = open.remove(name);
        if (uis == null) {
            return;
        }
        for (UI ui : uis) {
            try {
                ui.access(() -> ui.getPage().setLocation("login?ended"));
            } catch (UIDetachedException e) {
                // closed meanwhile: nothing left to end
            }
        }
    }

    private void forget(String name, UI ui) {
        open.computeIfPresent(name, (n, uis) -> {
            uis.remove(ui);
            return uis.isEmpty() ? null : uis;
        });
    }
}
