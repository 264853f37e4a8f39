package vn.situationroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import vn.situationroom.region.Region;

/**
 * The shell of the officers' screens: the region's name, a menu of the screens and the language switch. The wall
 * screen is a kiosk and has no shell; the menu opens it in its own tab.
 */
public class MainLayout extends AppLayout {

    public MainLayout(Region region) {
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
        addToNavbar(new DrawerToggle(), title, spacer, language);

        SideNav menu = new SideNav();
        menu.addClassName("shell-menu");
        menu.addItem(new SideNavItem(getTranslation("shell.menu.overview"), "", VaadinIcon.MAP_MARKER.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.police"), "map", VaadinIcon.SHIELD.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.analysis"), "analysis", VaadinIcon.CHART.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.intake"), "intake", VaadinIcon.EDIT.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.import"), "import", VaadinIcon.UPLOAD.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.cases"), "cases", VaadinIcon.FOLDER_OPEN.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.escalations"), "escalations",
                VaadinIcon.ROAD_BRANCHES.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.watch"), "watch", VaadinIcon.EYE.create()));
        menu.addItem(new SideNavItem(getTranslation("shell.menu.roster"), "roster", VaadinIcon.CALENDAR_USER.create()));
        SideNavItem wall = new SideNavItem(getTranslation("shell.menu.wall"), "wall", VaadinIcon.DESKTOP.create());
        wall.setOpenInNewBrowserTab(true);
        menu.addItem(wall);
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
    }
}
