package vn.situationroom.hotspot;

/** How much attention a commune needs now, from none to immediate. */
public enum HotspotLevel {
    NORMAL,
    WATCH,
    WARNING,
    CRITICAL;

    /** The more serious of two levels. */
    public HotspotLevel max(HotspotLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
