/**
 * The user interface's shell and shared parts: the layout and its menu (built from each screen's {@code @Menu}), the
 * login page, the commune map and chart elements, the translations. Each feature's screens live in the feature's own
 * {@code ui} package; nothing here imports them.
 */
@ApplicationModule(allowedDependencies = {"platform", "region", "security"})
package vn.situationroom.ui;

import org.springframework.modulith.ApplicationModule;
