/**
 * The region: the communes watched and their shapes, loaded from a GeoJSON file chosen in configuration. Every other
 * feature asks it whether a commune code exists; nothing else in the code knows a commune.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package vn.situationroom.region;

import org.springframework.modulith.ApplicationModule;
