/**
 * Cases (vụ việc) and their legal deadlines: the clock of the Law on Complaints 2011 and the Law on Denunciations
 * 2018 over the country's working days.
 */
@ApplicationModule(
        allowedDependencies = {"alerts", "election", "hotspot", "intake", "platform", "region", "security", "ui"})
package vn.situationroom.cases;

import org.springframework.modulith.ApplicationModule;
