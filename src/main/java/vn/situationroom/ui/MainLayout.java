package vn.situationroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import vn.situationroom.region.Region;
import vn.situationroom.security.LiveSessions;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.admin.AuditView;
import vn.situationroom.ui.admin.TokensView;
import vn.situationroom.ui.admin.UsersView;
import vn.situationroom.ui.analysis.AnalysisView;
import vn.situationroom.ui.cases.CasesView;
import vn.situationroom.ui.escalation.EscalationsView;
import vn.situationroom.ui.intake.ImportView;
import vn.situationroom.ui.intake.IntakeView;
import vn.situationroom.ui.police.PoliceMapView;
import vn.situationroom.ui.roster.RosterView;
import vn.situationroom.ui.wall.WallView;
import vn.situationroom.ui.watch.WatchView;

/**
 * The shell of the officers' screens: the region's name, a menu of the screens and the language switch. The wall
 * screen is a kiosk and has no shell; the menu opens it in its own tab. The menu lists only the screens the signed-in
 * officer's roles open (the same annotations the router checks), and the bar names the officer, with sign-out.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final AccessAnnotationChecker access;
    private final LiveSessions live;

    public MainLayout(Region region, AccessAnnotationChecker access, AuthenticationContext authentication,
            LiveSessions live) {
        this.access = access;
        this.live = live;
        addClassName("main-layout");
        Span title = new Span(getTranslation("shell.title", region.name()));
        title.addClassName("shell-title");

        Select<Locale> language = new Select<>();
        language.addClassName("shell-language");
        language.setItems(BundleI18NProvider.VIETNAMESE, Locale.ENGLISH);
        language.setItemLabelGenerator(locale -> locale.getLanguage().equals("en") ? "English" : "Tiếng Việt");
        language.setValue(getLocale() != null && getLocale().getLanguage().equals("en") ? Locale.ENGLISH
                : BundleI18NProvider.VIETNAMESE);
        language.setAriaLabel(getTranslation("shell.language"));
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                VaadinSession.getCurrent().setAttribute(VietnameseByDefault.CHOSEN, e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        Span spacer = new Span();
        spacer.addClassName("shell-spacer");

        Viewer viewer = Viewer.current();
        Span who = new Span(viewer.displayName() + (viewer.limitedToCommune()
                ? " · " + region.commune(viewer.communeCode()).map(c -> c.fullName()).orElse(viewer.communeCode())
                : ""));
        who.addClassName("shell-user");
        Button logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("shell-logout");
        addToNavbar(new DrawerToggle(), title, spacer, who, language, logout);

        SideNav menu = new SideNav();
        menu.addClassName("shell-menu");
        item(menu, HotspotMapView.class, "shell.menu.overview", "", VaadinIcon.MAP_MARKER.create());
        item(menu, PoliceMapView.class, "shell.menu.police", "map", VaadinIcon.SHIELD.create());
        item(menu, AnalysisView.class, "shell.menu.analysis", "analysis", VaadinIcon.CHART.create());
        item(menu, IntakeView.class, "shell.menu.intake", "intake", VaadinIcon.EDIT.create());
        item(menu, ImportView.class, "shell.menu.import", "import", VaadinIcon.UPLOAD.create());
        item(menu, CasesView.class, "shell.menu.cases", "cases", VaadinIcon.FOLDER_OPEN.create());
        item(menu, EscalationsView.class, "shell.menu.escalations", "escalations", VaadinIcon.ROAD_BRANCHES.create());
        item(menu, WatchView.class, "shell.menu.watch", "watch", VaadinIcon.EYE.create());
        item(menu, RosterView.class, "shell.menu.roster", "roster", VaadinIcon.CALENDAR_USER.create());
        item(menu, UsersView.class, "shell.menu.users", "admin/users", VaadinIcon.USERS.create());
        item(menu, TokensView.class, "shell.menu.tokens", "admin/tokens", VaadinIcon.KEY.create());
        item(menu, AuditView.class, "shell.menu.audit", "admin/audit", VaadinIcon.RECORDS.create());
        SideNavItem wall = item(menu, WallView.class, "shell.menu.wall", "wall", VaadinIcon.DESKTOP.create());
        if (wall != null) {
            wall.setOpenInNewBrowserTab(true);
        }
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        live.register(event.getUI());
    }

    /** Adds a screen to the menu if the officer's roles open it; returns the item, or null when left out. */
    private SideNavItem item(SideNav menu, Class<? extends Component> view, String label, String path,
            Component icon) {
        if (!access.hasAccess(view)) {
            return null;
        }
        SideNavItem item = new SideNavItem(getTranslation(label), path, icon);
        menu.addItem(item);
        return item;
    }
}
