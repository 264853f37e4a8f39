package vn.situationroom.region;

/**
 * One commune-level unit (xã, phường, thị trấn) of the loaded region.
 *
 * @param code the official commune code, the key of everything per commune
 * @param name the short name, without the unit prefix
 * @param fullName the name with its prefix, as people say it
 */
public record Commune(String code, String name, String fullName) {}
