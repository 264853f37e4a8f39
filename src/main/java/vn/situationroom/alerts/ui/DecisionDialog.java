package vn.situationroom.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import vn.situationroom.alerts.AlertService;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.region.Region;
import vn.situationroom.security.Viewer;

/**
 * Asks who acknowledges or resolves an alert and why, then sends the decision; every screen then shows the alert's
 * new state. An acknowledgement needs a note: what is being done.
 */
final class DecisionDialog extends Dialog {

    /** What the officer decides. */
    enum Decision {
        ACKNOWLEDGE,
        RESOLVE
    }

    private final TextField by = new TextField();
    private final TextArea note = new TextArea();

    DecisionDialog(Alert alert, Decision decision, AlertService service, Region region) {
        String key = decision == Decision.ACKNOWLEDGE ? "acknowledge" : "resolve";
        addClassName("police-decision");
        setHeaderTitle(getTranslation("police.dialog." + key + ".title", region.placeName(alert.communeCode())));
        by.setLabel(getTranslation("dialog.stated-by"));
        // Recorded as the signed-in officer's decision; a name typed here (who acted on the ground) joins the note.
        by.setValue(Viewer.current().displayName());
        by.setWidthFull();
        by.addClassName("police-decision-by");
        note.setLabel(getTranslation("police.dialog.note"));
        note.setRequired(decision == Decision.ACKNOWLEDGE);
        note.setWidthFull();
        note.addClassName("police-decision-note");
        by.addValueChangeListener(change -> by.setInvalid(false));
        note.addValueChangeListener(change -> note.setInvalid(false));
        add(by, note);
        Button confirm = new Button(
                getTranslation("police.dialog." + key + ".confirm"), click -> confirm(alert, decision, service));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("police-decision-confirm");
        Button cancel = new Button(getTranslation("police.dialog.cancel"), click -> close());
        getFooter().add(cancel, confirm);
    }

    /** Opens the dialog with the cursor in the name. */
    void ask() {
        open();
        by.focus();
    }

    private void confirm(Alert alert, Decision decision, AlertService service) {
        note.setInvalid(note.isRequired() && note.getValue().isBlank());
        if (note.isInvalid()) {
            note.setErrorMessage(getTranslation("police.dialog.required"));
            return;
        }
        try {
            if (decision == Decision.ACKNOWLEDGE) {
                service.acknowledge(
                        alert.alertId(), by.getValue().strip(), note.getValue().strip());
            } else {
                service.resolve(
                        alert.alertId(), by.getValue().strip(), note.getValue().strip());
            }
            close();
        } catch (AlertService.AlertClosedException | AlertService.UnknownAlertException e) {
            close();
            Notification.show(getTranslation("police.dialog.closed"))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (IllegalStateException e) {
            Notification.show(getTranslation("police.dialog.failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
