package vn.situationroom.admin.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.UiProperties;

/** The audit log for the administrator: newest first, paged lazily, by kind of act and by who. */
@RolesAllowed(Roles.ADMIN)
@Route("admin/audit")
@Menu(title = "shell.menu.audit", order = 12, icon = "vaadin:records")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    public AuditView(AuditLog audit, UiProperties settings) {
        addClassName("audit-view");
        setSizeFull();
        ComboBox<AuditLog.Action> action = new ComboBox<>(getTranslation("admin.audit.action"));
        action.setItems(AuditLog.Action.values());
        action.setItemLabelGenerator(a -> getTranslation("audit." + a.name()));
        action.setClearButtonVisible(true);
        action.addClassName("audit-action");
        TextField actor = new TextField(getTranslation("admin.audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);

        Grid<AuditLog.Entry> grid = new Grid<>();
        grid.addColumn(e -> TIME.format(e.at().atZone(settings.zone())))
                .setHeader(getTranslation("admin.audit.at"))
                .setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::actor)
                .setHeader(getTranslation("admin.audit.actor"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit." + e.action().name()))
                .setHeader(getTranslation("admin.audit.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::target)
                .setHeader(getTranslation("admin.audit.target"))
                .setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::detail)
                .setHeader(getTranslation("admin.audit.detail"))
                .setFlexGrow(1);
        grid.addColumn(AuditLog.Entry::remoteAddr)
                .setHeader(getTranslation("admin.audit.address"))
                .setAutoWidth(true);
        grid.addClassName("audit-grid");
        Runnable load = () -> grid.setItems(
                query -> audit.list(action.getValue(), actor.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(action.getValue(), actor.getValue()));
        action.addValueChangeListener(e -> load.run());
        actor.addValueChangeListener(e -> load.run());
        load.run();
        add(new H1(getTranslation("admin.audit.title")), new HorizontalLayout(action, actor), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.audit.title");
    }
}
