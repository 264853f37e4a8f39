package vn.situationroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import vn.situationroom.platform.BrokerStatus;
import vn.situationroom.region.Region;
import vn.situationroom.security.LiveSessions;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.security.Viewer;

/**
 * The shell of the officers' screens: the region's name, a menu of the screens and the language switch. The menu is
 * Vaadin's own: every screen says with {@code @Menu} where it goes, and the menu lists only the screens the signed-in
 * officer's roles open (the router's own check); the bar names the officer, with sign-out. A screen shown on its own
 * (the wall, marked {@link OwnWindow}) has no shell, and the menu opens it in a new tab.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final LiveSessions live;

    public MainLayout(
            Region region,
            AuthenticationContext authentication,
            LiveSessions live,
            BrokerStatus broker,
            UiProperties settings,
            UserAccounts accounts) {
        this.live = live;
        addClassName("main-layout");
        Span title = new Span(getTranslation("shell.title", region.name()));
        title.addClassName("shell-title");

        Select<Locale> language = new Select<>();
        language.addClassName("shell-language");
        language.setItems(BundleI18NProvider.VIETNAMESE, Locale.ENGLISH);
        language.setItemLabelGenerator(locale -> locale.getLanguage().equals("en") ? "English" : "Tiếng Việt");
        language.setValue(
                getLocale() != null && getLocale().getLanguage().equals("en")
                        ? Locale.ENGLISH
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
        Span who = new Span(viewer.displayName()
                + (viewer.limitedToCommune()
                        ? " · "
                                + region.commune(viewer.communeCode())
                                        .map(c -> c.fullName())
                                        .orElse(viewer.communeCode())
                        : ""));
        who.addClassName("shell-user");
        Button logout = new Button(
                getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button password = new Button(
                getTranslation("shell.password"),
                VaadinIcon.KEY.create(),
                click -> new PasswordDialog(accounts, authentication).open());
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        password.addClassName("shell-password");
        logout.addClassName("shell-logout");
        addToNavbar(
                new DrawerToggle(),
                title,
                spacer,
                who,
                language,
                password,
                logout,
                new BrokerDownBanner(broker, settings.zone()));

        SideNav menu = new SideNav();
        menu.addClassName("shell-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon()));
            item.setOpenInNewBrowserTab(
                    entry.menuClass() != null && entry.menuClass().isAnnotationPresent(OwnWindow.class));
            menu.addItem(item);
        }
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        live.register(event.getUI());
    }
}
