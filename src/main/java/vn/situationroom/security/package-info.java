/**
 * Who may use the situation room: officers' accounts and roles, API tokens for machine clients, kiosk tokens for
 * wall screens, the commune a commune's officer is limited to, throttled logins, and the audit log.
 */
@ApplicationModule(allowedDependencies = {"platform", "region"})
package vn.situationroom.security;

import org.springframework.modulith.ApplicationModule;
