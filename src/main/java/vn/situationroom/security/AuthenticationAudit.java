package vn.situationroom.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes every login and failed login to the audit log, and counts the failures for the throttle. */
@Component
class AuthenticationAudit {

    private final AuditLog audit;
    private final LoginThrottle throttle;

    AuthenticationAudit(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof Officer officer) {
            throttle.succeeded(officer.getUsername());
            audit.record(officer.getUsername(), AuditLog.Action.LOGIN, null, null);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "?";
        throttle.failed(username, address);
        audit.record(
                username == null ? "?" : LoginThrottle.shown(username),
                AuditLog.Action.LOGIN_FAILED,
                null,
                event.getException().getClass().getSimpleName());
    }
}
