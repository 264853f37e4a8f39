package vn.situationroom.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Viewer;

/**
 * The live state of any unit of the region, from its communes': a province's or a district's level is the highest of
 * its communes', with the communes that make it so, and its counts are their sums. What a viewer gets is limited to the
 * communes they may see: a commune's officer sees only the units that hold their commune, and only its figures.
 */
@Service
public class UnitLevels {

    private final Region region;
    private final LiveHotspots hotspots;

    UnitLevels(Region region, LiveHotspots hotspots) {
        this.region = region;
        this.hotspots = hotspots;
    }

    /**
     * A unit's state now.
     *
     * @param unit the unit
     * @param level the highest level of its communes, or null while none has a state yet
     * @param because the communes at that level (none while the level is NORMAL or there is none)
     * @param events events in the current hour, summed over its communes
     * @param people people in the current hour, summed over its communes
     */
    public record UnitState(Unit unit, HotspotLevel level, List<String> because, long events, long people) {}

    /** The units at the top of the region the viewer may see. */
    public List<Unit> top() {
        return visible(region.topUnits());
    }

    /** The units directly under one that the viewer may see; empty when the unit is unknown or not the viewer's. */
    public Optional<List<Unit>> children(String code) {
        return visibleUnit(code).map(unit -> visible(region.children(unit.code())));
    }

    /** A unit's state, with the states of the units under it; empty when unknown or not the viewer's. */
    public Optional<UnitState> state(String code) {
        Map<String, CommuneHotspot> now = hotspots.current();
        return visibleUnit(code).map(unit -> state(unit, now));
    }

    /** The states of the units directly under one, in the order of the region file. */
    public List<UnitState> childStates(String code) {
        Map<String, CommuneHotspot> now = hotspots.current();
        return children(code).orElse(List.of()).stream()
                .map(child -> state(child, now))
                .toList();
    }

    private UnitState state(Unit unit, Map<String, CommuneHotspot> now) {
        Viewer viewer = Viewer.current();
        HotspotLevel level = null;
        List<String> because = new ArrayList<>();
        long events = 0;
        long people = 0;
        for (String commune : unit.communes()) {
            CommuneHotspot hotspot = now.get(commune);
            if (hotspot == null || !viewer.canSee(commune)) {
                continue;
            }
            events += hotspot.events();
            people += hotspot.people();
            if (level == null || hotspot.level().compareTo(level) > 0) {
                level = hotspot.level();
                because.clear();
            }
            if (hotspot.level() == level && level != HotspotLevel.NORMAL) {
                because.add(commune);
            }
        }
        return new UnitState(unit, level, List.copyOf(because), events, people);
    }

    private Optional<Unit> visibleUnit(String code) {
        return region.unit(code).filter(this::visible);
    }

    private List<Unit> visible(List<Unit> units) {
        return units.stream().filter(this::visible).toList();
    }

    private boolean visible(Unit unit) {
        Viewer viewer = Viewer.current();
        return unit.communes().stream().anyMatch(viewer::canSee);
    }
}
