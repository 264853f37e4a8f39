package vn.situationroom.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs an officer out when Vaadin closes their idle session ({@code vaadin.closeIdleSessions}): Vaadin drops only its
 * own part of the HTTP session, and the sign-in would otherwise outlive it, so the page would reload still signed in.
 * A wall screen's kiosk sign-in stays.
 */
@Component
class IdleSignOut implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession session = destroyed.getSession().getSession();
            if (session == null) {
                return;
            }
            try {
                Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                boolean kiosk = stored instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof AccessTokens.Token token
                        && token.kind() == AccessTokens.Kind.KIOSK;
                if (!kiosk) {
                    session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // the HTTP session itself ended (sign-out, expiry): nothing is left to sign out
            }
        });
    }
}
