package vn.situationroom.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.AccountException;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.ui.UiProperties;

/**
 * The administrator's list of accounts: make one (username, name, password, roles, and the commune of a commune's
 * officer), change one's roles or commune, disable it, set a new password. A change that matters ends the account's
 * open sessions at once.
 */
@RolesAllowed(Roles.ADMIN)
@Route("admin/users")
@Menu(title = "shell.menu.users", order = 10, icon = "vaadin:users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final UserAccounts accounts;
    private final Region region;
    private final ZoneId zone;
    private final Grid<UserAccounts.Account> grid = new Grid<>();

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final MultiSelectComboBox<String> roles = new MultiSelectComboBox<>();
    private final ComboBox<Commune> commune = new ComboBox<>();
    private final Checkbox enabled = new Checkbox();
    private final Button create = new Button();
    private final Button save = new Button();
    private final Button resetPassword = new Button();
    private UserAccounts.Account editing;

    public UsersView(UserAccounts accounts, Region region, UiProperties settings) {
        this.accounts = accounts;
        this.region = region;
        this.zone = settings.zone();
        addClassName("users-view");
        setSizeFull();

        grid.addColumn(UserAccounts.Account::username)
                .setHeader(getTranslation("admin.users.username"))
                .setAutoWidth(true);
        grid.addColumn(UserAccounts.Account::displayName)
                .setHeader(getTranslation("admin.users.display-name"))
                .setAutoWidth(true);
        grid.addColumn(a ->
                        a.roles().stream().map(r -> getTranslation("role." + r)).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.users.roles"))
                .setFlexGrow(1);
        grid.addColumn(a -> a.communeCode() == null ? "" : region.placeName(a.communeCode()))
                .setHeader(getTranslation("admin.users.commune"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.enabled() ? "admin.users.enabled" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.state"))
                .setAutoWidth(true);
        grid.addColumn(a -> DAY.format(a.createdAt().atZone(zone)))
                .setHeader(getTranslation("admin.users.created"))
                .setAutoWidth(true);
        grid.addClassName("users-grid");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        username.setLabel(getTranslation("admin.users.username"));
        username.addClassName("user-username");
        displayName.setLabel(getTranslation("admin.users.display-name"));
        displayName.addClassName("user-display-name");
        password.setLabel(getTranslation("admin.users.password"));
        password.setHelperText(getTranslation("admin.users.password.help", UserAccounts.MIN_PASSWORD));
        password.addClassName("user-password");
        roles.setLabel(getTranslation("admin.users.roles"));
        roles.setItems(Roles.ASSIGNABLE);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        roles.addClassName("user-roles");
        roles.setMinWidth("22em");
        commune.setLabel(getTranslation("admin.users.commune"));
        commune.setItems(region.communes());
        commune.setItemLabelGenerator(Commune::fullName);
        commune.setClearButtonVisible(true);
        commune.addClassName("user-commune");
        enabled.setLabel(getTranslation("admin.users.enabled"));
        enabled.setValue(true);

        create.setText(getTranslation("admin.users.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("user-create");
        create.addClickListener(e -> create());
        save.setText(getTranslation("admin.users.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        resetPassword.setText(getTranslation("admin.users.reset-password"));
        resetPassword.addClickListener(e -> resetPassword());
        Button clear = new Button(
                getTranslation("admin.users.new"), e -> grid.asSingleSelect().clear());

        HorizontalLayout form = new HorizontalLayout(username, displayName, password, roles, commune, enabled);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(create, save, resetPassword, clear);
        add(
                new H1(getTranslation("admin.users.title")),
                grid,
                new H2(getTranslation("admin.users.form")),
                form,
                actions);
        setFlexGrow(1, grid);
        edit(null);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title");
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private void edit(UserAccounts.Account account) {
        editing = account;
        clearErrors();
        username.setReadOnly(account != null);
        username.setValue(account == null ? "" : account.username());
        displayName.setValue(account == null ? "" : account.displayName());
        password.clear();
        roles.setValue(account == null ? java.util.Set.of() : new java.util.LinkedHashSet<>(account.roles()));
        commune.setValue(
                account == null || account.communeCode() == null
                        ? null
                        : region.commune(account.communeCode()).orElse(null));
        enabled.setValue(account == null || account.enabled());
        enabled.setEnabled(account != null);
        create.setVisible(account == null);
        save.setVisible(account != null);
        resetPassword.setVisible(account != null);
    }

    private void create() {
        attempt(() -> {
            UserAccounts.Account made = accounts.create(
                    username.getValue(),
                    displayName.getValue(),
                    password.getValue(),
                    new ArrayList<>(roles.getValue()),
                    communeCode());
            Notification.show(getTranslation("admin.users.created-one", made.username()));
            refresh();
            edit(null);
        });
    }

    private void save() {
        attempt(() -> {
            accounts.update(
                    editing.username(),
                    displayName.getValue(),
                    new ArrayList<>(roles.getValue()),
                    communeCode(),
                    enabled.getValue());
            Notification.show(getTranslation("admin.users.saved", editing.username()));
            refresh();
        });
    }

    private void resetPassword() {
        attempt(() -> {
            accounts.resetPassword(editing.username(), password.getValue());
            password.clear();
            Notification.show(getTranslation("admin.users.password-set", editing.username()));
        });
    }

    private String communeCode() {
        return commune.getValue() == null ? null : commune.getValue().code();
    }

    private void attempt(Runnable action) {
        clearErrors();
        try {
            action.run();
        } catch (AccountException e) {
            Map<String, Component> fields = Map.of(
                    "username",
                    username,
                    "displayName",
                    displayName,
                    "password",
                    password,
                    "roles",
                    roles,
                    "commune",
                    commune);
            if (fields.get(e.field()) instanceof HasValidation field) {
                field.setErrorMessage(getTranslation("admin.error." + e.code()));
                field.setInvalid(true);
            }
            Notification.show(getTranslation("admin.error." + e.code()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {username, displayName, password, roles, commune}) {
            field.setInvalid(false);
        }
    }
}
