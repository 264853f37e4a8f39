package vn.situationroom.hotspot;

import java.util.Locale;

/**
 * How much attention a commune needs now, from none to immediate, each with its colour: the one palette of the maps,
 * the badges, the charts and the report.
 */
public enum HotspotLevel {
    NORMAL(0x7cc88a),
    WATCH(0xf2d024),
    WARNING(0xf08c00),
    CRITICAL(0xd62828);

    /** The colour of a commune without a level (nothing counted yet), as 0xRRGGBB: grey. */
    public static final int NO_LEVEL_RGB = 0xc9d1d9;

    private final int rgb;

    HotspotLevel(int rgb) {
        this.rgb = rgb;
    }

    /** The level's colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The level's colour as CSS writes it, {@code #rrggbb}. */
    public String hex() {
        return hex(rgb);
    }

    /** A colour 0xRRGGBB as CSS writes it, {@code #rrggbb}. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /** The more serious of two levels. */
    public HotspotLevel max(HotspotLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
