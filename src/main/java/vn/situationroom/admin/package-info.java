/** Administration: the screens through which an administrator manages accounts, API tokens and reads the audit log. */
@ApplicationModule(allowedDependencies = {"region", "security", "ui"})
package vn.situationroom.admin;

import org.springframework.modulith.ApplicationModule;
