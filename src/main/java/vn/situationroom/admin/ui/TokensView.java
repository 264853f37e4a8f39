package vn.situationroom.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.situationroom.security.AccessTokens;
import vn.situationroom.security.AccountException;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Scopes;
import vn.situationroom.ui.UiProperties;

/**
 * The administrator's tokens: API tokens of machine clients, with their scopes, and kiosk tokens of wall screens (an
 * address that signs the screen in to the wall only). A token's secret is shown once, when it is made; revoking one
 * refuses it from its next use and closes the walls signed in with it.
 */
@RolesAllowed(Roles.ADMIN)
@Route("admin/tokens")
@Menu(title = "shell.menu.tokens", order = 11, icon = "vaadin:key")
public class TokensView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AccessTokens tokens;
    private final ZoneId zone;

    public TokensView(AccessTokens tokens, UiProperties settings) {
        this.tokens = tokens;
        this.zone = settings.zone();
        addClassName("tokens-view");
        add(new H1(getTranslation("admin.tokens.title")));
        add(new Section(AccessTokens.Kind.API), new Section(AccessTokens.Kind.KIOSK));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.tokens.title");
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** The tokens of one kind, with the form that makes one. */
    private final class Section extends VerticalLayout {

        private final AccessTokens.Kind kind;
        private final Grid<AccessTokens.Token> grid = new Grid<>();
        private final Div secret = new Div();

        Section(AccessTokens.Kind kind) {
            this.kind = kind;
            String prefix = "admin.tokens." + kind.name().toLowerCase() + ".";
            setPadding(false);
            addClassName("tokens-" + kind.name().toLowerCase());
            TextField name = new TextField(getTranslation("admin.tokens.name"));
            name.setPlaceholder(getTranslation(prefix + "name-hint"));
            name.addClassName("token-name");
            CheckboxGroup<String> scopes = new CheckboxGroup<>(getTranslation("admin.tokens.scopes"));
            scopes.setItems(Scopes.ALL);
            scopes.setItemLabelGenerator(scope -> scope + " — " + getTranslation("scope." + scope));
            scopes.addClassName("token-scopes");
            scopes.setVisible(kind == AccessTokens.Kind.API);
            Button make = new Button(getTranslation(prefix + "create"), e -> {
                try {
                    AccessTokens.Issued issued =
                            tokens.issue(kind, name.getValue(), new ArrayList<>(scopes.getValue()));
                    secret.setText(getTranslation(
                            prefix + "secret",
                            kind == AccessTokens.Kind.KIOSK ? kioskAddress(issued.secret()) : issued.secret()));
                    secret.setVisible(true);
                    name.clear();
                    scopes.clear();
                    refresh();
                } catch (AccountException problem) {
                    Notification.show(getTranslation("admin.error." + problem.code()))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            make.addClassName("token-create");
            secret.addClassName("token-secret");
            secret.setVisible(false);

            grid.addColumn(AccessTokens.Token::name)
                    .setHeader(getTranslation("admin.tokens.name"))
                    .setFlexGrow(1);
            if (kind == AccessTokens.Kind.API) {
                grid.addColumn(t -> String.join(", ", t.scopes()))
                        .setHeader(getTranslation("admin.tokens.scopes"))
                        .setAutoWidth(true);
            }
            grid.addColumn(t -> t.createdBy() + " · " + time(t.createdAt()))
                    .setHeader(getTranslation("admin.tokens.created"))
                    .setAutoWidth(true);
            grid.addColumn(t -> time(t.lastUsedAt()))
                    .setHeader(getTranslation("admin.tokens.last-used"))
                    .setAutoWidth(true);
            grid.addColumn(t -> t.active()
                            ? getTranslation("admin.tokens.active")
                            : getTranslation("admin.tokens.revoked", t.revokedBy(), time(t.revokedAt())))
                    .setHeader(getTranslation("admin.tokens.state"))
                    .setAutoWidth(true);
            grid.addComponentColumn(t -> {
                        Button revoke = new Button(getTranslation("admin.tokens.revoke"), e -> {
                            tokens.revoke(t.id());
                            Notification.show(getTranslation("admin.tokens.revoked-one", t.name()));
                            refresh();
                        });
                        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                        revoke.addClassName("token-revoke");
                        revoke.setVisible(t.active());
                        return revoke;
                    })
                    .setAutoWidth(true);
            grid.setAllRowsVisible(true);
            HorizontalLayout form = new HorizontalLayout(name, scopes, make);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(
                    new H2(getTranslation(prefix + "title")),
                    new Div(getTranslation(prefix + "about")),
                    form,
                    secret,
                    grid);
            refresh();
        }

        private void refresh() {
            List<AccessTokens.Token> list = tokens.list(kind);
            grid.setItems(list);
        }

        private String kioskAddress(String secret) {
            var request = VaadinServletRequest.getCurrent();
            String base = request == null
                    ? ""
                    : request.getHttpServletRequest()
                                    .getRequestURL()
                                    .toString()
                                    .replaceFirst("(https?://[^/]+).*", "$1")
                            + request.getContextPath();
            return base + "/kiosk/" + secret;
        }
    }
}
