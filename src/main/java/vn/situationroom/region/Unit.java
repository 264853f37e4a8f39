package vn.situationroom.region;

import java.util.List;

/**
 * One unit of the region's hierarchy: a province, a (former) district, or a commune, with the communes it holds.
 *
 * @param code the unit's code, unique in the region across every kind
 * @param name the unit's name as people say it
 * @param kind what kind of unit it is
 * @param parentCode the unit it belongs to, or null for a unit at the top of the region
 * @param communes the codes of the communes it holds, in the order of the GeoJSON file; a commune holds itself
 */
public record Unit(String code, String name, Kind kind, String parentCode, List<String> communes) {

    public Unit {
        communes = List.copyOf(communes);
    }

    /** The kinds of unit, from the largest. */
    public enum Kind {
        PROVINCE,
        DISTRICT,
        COMMUNE
    }
}
