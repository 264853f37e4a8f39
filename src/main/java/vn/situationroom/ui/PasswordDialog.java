package vn.situationroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.spring.security.AuthenticationContext;
import vn.situationroom.security.AccountException;
import vn.situationroom.security.UserAccounts;

/**
 * An officer changes their own password: the current one, the new one twice. The rules (length, bcrypt's 72 bytes,
 * common passwords) are the accounts' own; once changed, the officer signs in again with it.
 */
class PasswordDialog extends Dialog {

    private final PasswordField current = new PasswordField();
    private final PasswordField replacement = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    PasswordDialog(UserAccounts accounts, AuthenticationContext authentication) {
        addClassName("password-dialog");
        setHeaderTitle(getTranslation("password.title"));
        current.setLabel(getTranslation("password.current"));
        replacement.setLabel(getTranslation("password.new"));
        repeat.setLabel(getTranslation("password.repeat"));
        for (PasswordField field : new PasswordField[] {current, replacement, repeat}) {
            field.setWidthFull();
            field.setRequired(true);
            field.addValueChangeListener(change -> field.setInvalid(false));
        }
        current.addClassName("password-current");
        replacement.addClassName("password-new");
        repeat.addClassName("password-repeat");
        add(current, replacement, repeat);
        Button save = new Button(getTranslation("password.save"), click -> save(accounts, authentication));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("password-save");
        getFooter().add(new Button(getTranslation("password.cancel"), click -> close()), save);
    }

    private void save(UserAccounts accounts, AuthenticationContext authentication) {
        if (!replacement.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            accounts.changeOwnPassword(current.getValue(), replacement.getValue());
        } catch (AccountException e) {
            PasswordField field = e.field().equals("currentPassword") ? current : replacement;
            field.setErrorMessage(getTranslation("admin.error." + e.code()));
            field.setInvalid(true);
            return;
        }
        close();
        Notification.show(getTranslation("password.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        authentication.logout();
    }
}
