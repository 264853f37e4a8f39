/**
 * Detection: the statistical detectors on counts per commune (Farrington-Flexible over the week and EARS C1/C2/C3 as
 * R's surveillance package computes them, an ESSENCE-style EWMA, an hourly surge). Pure functions, shared by the live topology and the analysts'
 * back-testing, so both say the same of the same series.
 */
@ApplicationModule(allowedDependencies = {})
package vn.situationroom.detection;

import org.springframework.modulith.ApplicationModule;
