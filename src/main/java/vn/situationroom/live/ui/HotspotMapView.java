package vn.situationroom.live.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import vn.situationroom.hotspot.CommuneHotspot;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.live.LiveHotspots;
import vn.situationroom.live.LiveScreens;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.RegionGeometry;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.CommuneMap;
import vn.situationroom.ui.PagedList;
import vn.situationroom.ui.UiProperties;

/**
 * The district at a glance: every commune on the map, filled by its hotspot level, with the communes that need
 * attention listed beside it, most serious first. Updates arrive by push; nobody needs to reload.
 */
@RolesAllowed({Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE})
@Route("")
@Menu(title = "shell.menu.overview", order = 1, icon = "vaadin:map-marker")
public class HotspotMapView extends VerticalLayout implements HasDynamicTitle {

    private static final String NONE = "NONE";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** The communes that need attention, a page at a time: a country can have thousands. */
    private final PagedList<CommuneHotspot> attentionPages = new PagedList<>();

    private final Region region;
    private final LiveHotspots live;
    private final UiProperties settings;
    private final CommuneMap map;
    private final Div attentionList = new Div();
    private final Span updatedAt = new Span();
    private LiveHotspots.Registration subscription;
    private final Viewer viewer = Viewer.current();

    private final Clock clock;
    private final LiveAlerts alerts;
    private final ObjectProvider<RegionGeometry> geometry;

    public HotspotMapView(
            Region region,
            LiveHotspots live,
            LiveAlerts alerts,
            ObjectProvider<RegionGeometry> geometry,
            UiProperties settings,
            Clock clock) {
        this.alerts = alerts;
        this.geometry = geometry;
        this.clock = clock;
        this.region = region;
        this.live = live;
        this.settings = settings;
        this.map = new CommuneMap();
        map.setTileUrl(settings.tileUrl());
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        addClassName("hotspot-map-view");

        H1 title = new H1(getTranslation("map.title", region.name()));
        updatedAt.addClassName("updated-at");
        HorizontalLayout header = new HorizontalLayout(title, legend(), updatedAt);
        header.addClassName("view-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        map.setSizeFull();
        Div mapArea = new Div(map);
        mapArea.addClassName("map-area");
        attentionList.addClassName("attention-list");
        HorizontalLayout body = new HorizontalLayout(mapArea, attentionList);
        body.addClassName("view-body");
        body.setSizeFull();
        body.setSpacing(false);
        add(header, body);
        setFlexGrow(1, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.page-title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        render(live.current());
        renderClusters();
        // Each change has this UI draw the latest levels and clusters; push then sends them to the browser.
        subscription = LiveScreens.follow(ui, live, () -> render(live.current()), alerts, this::renderClusters);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void render(Map<String, CommuneHotspot> all) {
        // A commune's officer sees their own commune's state only; the others stay blank.
        Map<String, CommuneHotspot> hotspots = new LinkedHashMap<>();
        all.forEach((code, hotspot) -> {
            if (viewer.canSee(code)) {
                hotspots.put(code, hotspot);
            }
        });
        CommuneMap.CommuneStyle none =
                new CommuneMap.CommuneStyle(NONE, getTranslation("level.NONE"), getTranslation("map.no-activity"));
        Map<String, CommuneMap.CommuneStyle> styles = new LinkedHashMap<>();
        for (Commune commune : region.communes()) {
            CommuneHotspot hotspot = hotspots.get(commune.code());
            styles.put(
                    commune.code(),
                    hotspot == null
                            ? none
                            : new CommuneMap.CommuneStyle(
                                    hotspot.level().name(),
                                    levelLabel(hotspot.level()),
                                    hotspot.reasons().isEmpty()
                                            ? detail(hotspot)
                                            : reasonText(hotspot.reasons().getFirst())));
        }
        map.setStyles(styles);
        renderAttentionList(hotspots);
        updatedAt.setText(
                getTranslation("map.updated-at", HOUR.format(ZonedDateTime.now(clock.withZone(settings.zone())))));
    }

    /** The clusters of neighbouring communes the scan found, outlined as on the police map. */
    private void renderClusters() {
        map.setOutlines(LiveScreens.clusterOutlines(
                this, LiveScreens.activeAlerts(alerts, region), region, geometry::getObject, viewer::canSee));
    }

    private void renderAttentionList(Map<String, CommuneHotspot> hotspots) {
        List<CommuneHotspot> needingAttention = hotspots.values().stream()
                .filter(h -> h.level() != HotspotLevel.NORMAL && region.contains(h.communeCode()))
                .sorted(Comparator.comparing(CommuneHotspot::level)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(CommuneHotspot::people).reversed()))
                .toList();
        attentionList.removeAll();
        Div title = new Div(getTranslation("map.attention.title"));
        title.addClassName("attention-title");
        attentionList.add(title);
        if (needingAttention.isEmpty()) {
            Div calm = new Div(getTranslation("map.attention.none"));
            calm.addClassName("attention-none");
            attentionList.add(calm);
        }
        attentionList.add(attentionPages);
        attentionPages.show(needingAttention, this::attentionItem);
    }

    private Div attentionItem(CommuneHotspot hotspot) {
        String name = region.placeName(hotspot.communeCode());
        Span level = new Span(levelLabel(hotspot.level()));
        level.addClassNames("level-badge", "level-" + hotspot.level().name());
        Div item = new Div(level, new Span(name));
        // What made the level first; then the current hour's counts, said to be the hour's: after a crowd at 10:01 the
        // hour from 11:00 can have none, which must not read as contradicting the level.
        for (Reason reason : hotspot.reasons()) {
            Div why = new Div(reasonText(reason));
            why.addClassNames(
                    "attention-reason", "level-text-" + reason.severity().name());
            item.add(why);
        }
        Div hour = new Div(detail(hotspot));
        hour.addClassName("attention-hour");
        item.add(hour);
        item.addClassName("attention-item");
        item.getElement().setAttribute("data-commune", hotspot.communeCode());
        return item;
    }

    private String reasonText(Reason reason) {
        return LevelTexts.reason(this, reason);
    }

    private String levelLabel(HotspotLevel level) {
        return LevelTexts.level(this, level);
    }

    private String detail(CommuneHotspot hotspot) {
        return getTranslation(
                "map.detail",
                hotspot.events(),
                hotspot.people(),
                HOUR.format(hotspot.windowStart().atZone(settings.zone())),
                HOUR.format(hotspot.windowEnd().atZone(settings.zone())));
    }

    private HorizontalLayout legend() {
        HorizontalLayout legend = new HorizontalLayout();
        legend.addClassName("legend");
        for (String level : List.of(NONE, "NORMAL", "WATCH", "WARNING", "CRITICAL")) {
            Span swatch = new Span();
            swatch.addClassNames("swatch", "level-" + level);
            legend.add(new Span(swatch, new Span(getTranslation("level." + level))));
        }
        return legend;
    }
}
