package vn.situationroom.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.situationroom.cases.CaseAgencies;
import vn.situationroom.cases.CasePersons;
import vn.situationroom.cases.CaseSteps;
import vn.situationroom.cases.Cases;
import vn.situationroom.cases.LegalClock;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.UiProperties;
import vn.situationroom.ui.ViewerCommunes;

/**
 * The cases and their legal deadlines, the late first: when each was received, accepted and resolved, what it waits
 * for next and by when, overdue and due-soon ones marked. A commune's list on its own with one pick.
 */
@RolesAllowed({Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE})
@Route("cases")
@Menu(title = "shell.menu.cases", order = 6, icon = "vaadin:folder-open")
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int DAYS_BACK = 180;

    private final Cases cases;
    private final CaseSteps steps;
    private final CaseAgencies agencies;
    private final CasePersons persons;
    private final Region region;
    private final UiProperties settings;
    private Map<String, String> handlers = Map.of();
    private final ComboBox<Commune> commune = new ComboBox<>();
    private final Checkbox lateOnly = new Checkbox();
    private final Grid<Cases.CaseSummary> grid = new Grid<>();
    private final Span summary = new Span();

    private final Clock clock;

    public CasesView(
            Cases cases,
            CaseSteps steps,
            CaseAgencies agencies,
            CasePersons persons,
            Region region,
            UiProperties settings,
            Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.steps = steps;
        this.agencies = agencies;
        this.persons = persons;
        this.region = region;
        this.settings = settings;
        addClassName("cases-view");
        setSizeFull();
        commune.setLabel(getTranslation("field.communeCode"));
        ViewerCommunes.limit(commune, region);
        commune.setItemLabelGenerator(Commune::name);
        commune.setPlaceholder(getTranslation("analysis.filter.all-communes"));
        commune.setClearButtonVisible(true);
        commune.addValueChangeListener(e -> refresh());
        lateOnly.setLabel(getTranslation("cases.late-only"));
        lateOnly.addValueChangeListener(e -> refresh());
        summary.addClassName("cases-summary");
        HorizontalLayout filters = new HorizontalLayout(commune, lateOnly, summary);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addClassName("cases-grid");
        grid.addComponentColumn(c -> {
                    Span standing = new Span(
                            c.standing() != null
                                    ? getTranslation("cases.standing." + c.standing())
                                    : c.rejected()
                                            ? getTranslation("enum.CaseStatus.REJECTED")
                                            : c.closed() ? getTranslation("cases.resolved") : "");
                    if (c.standing() != null) {
                        standing.addClassNames(
                                "case-standing", "standing-" + c.standing().name());
                    }
                    return standing;
                })
                .setHeader(getTranslation("cases.column.standing"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c ->
                        c.deadline() == null ? "" : getTranslation("cases.step." + c.next(), DAY.format(c.deadline())))
                .setHeader(getTranslation("cases.column.deadline"))
                .setAutoWidth(true);
        grid.addColumn(Cases.CaseSummary::caseRef)
                .setHeader(getTranslation("field.caseRef"))
                .setAutoWidth(true);
        grid.addColumn(c -> region.shortName(c.communeCode()))
                .setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.content() == null ? "" : getTranslation("enum.Content." + c.content()))
                .setHeader(getTranslation("field.content"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.field() == null ? "" : getTranslation("enum.Field." + c.field()))
                .setHeader(getTranslation("field.field"))
                .setAutoWidth(true);
        grid.addColumn(c -> date(c.received()))
                .setHeader(getTranslation("cases.column.received"))
                .setAutoWidth(true);
        grid.addColumn(c -> date(c.accepted()))
                .setHeader(getTranslation("cases.column.accepted"))
                .setAutoWidth(true);
        grid.addColumn(c -> date(c.resolved()))
                .setHeader(getTranslation("cases.column.resolved"))
                .setAutoWidth(true);
        grid.addColumn(Cases.CaseSummary::contacts)
                .setHeader(getTranslation("cases.column.contacts"))
                .setAutoWidth(true);
        grid.addColumn(c -> agencies.find(c.agency()).map(this::agencyName).orElse(""))
                .setHeader(getTranslation("cases.column.agency"))
                .setAutoWidth(true);
        grid.addColumn(c -> handlers.getOrDefault(c.caseRef(), ""))
                .setHeader(getTranslation("cases.column.handler"))
                .setAutoWidth(true);
        // The actions stay in sight at the right edge, however wide the table.
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();

        Span help = new Span(getTranslation("cases.help"));
        help.addClassName("analysis-help");
        add(new H2(getTranslation("cases.title")), help, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.title");
    }

    private void refresh() {
        LocalDate today = cases.today();
        List<Cases.CaseSummary> list = cases.active(
                today.minusDays(DAYS_BACK),
                commune.getValue() == null
                        ? List.of()
                        : List.of(commune.getValue().code()),
                today);
        handlers =
                persons.handlers(list.stream().map(Cases.CaseSummary::caseRef).toList());
        long overdue = list.stream()
                .filter(c -> c.standing() == LegalClock.Standing.OVERDUE)
                .count();
        long dueSoon = list.stream()
                .filter(c -> c.standing() == LegalClock.Standing.DUE_SOON)
                .count();
        summary.setText(getTranslation("cases.summary", list.size(), overdue, dueSoon));
        grid.setItems(
                lateOnly.getValue()
                        ? list.stream()
                                .filter(c -> c.standing() == LegalClock.Standing.OVERDUE
                                        || c.standing() == LegalClock.Standing.DUE_SOON)
                                .toList()
                        : list);
    }

    /**
     * Everyone sees a case's deadlines and steps, and the office and the commune record its next step; the office
     * gives a case to a handler; the handler opens the case's citizens (each opening audited).
     */
    private Component actions(Cases.CaseSummary summary) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        Button timeline = new Button(
                getTranslation("cases.steps"),
                click -> new CaseStepsDialog(
                                cases,
                                steps,
                                summary.caseRef(),
                                settings.zone(),
                                clock,
                                Viewer.current().hasAny(Roles.OFFICE, Roles.COMMUNE),
                                this::refresh)
                        .open());
        timeline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        timeline.addClassName("case-steps");
        actions.add(timeline);
        if (Viewer.current().hasAny(Roles.OFFICE)) {
            Button assign = new Button(getTranslation("cases.assign"), click -> assign(summary));
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            assign.addClassName("case-assign");
            actions.add(assign);
        }
        if (Viewer.current().name().equals(handlers.get(summary.caseRef()))) {
            Button open = new Button(getTranslation("cases.persons"), click -> showPersons(summary));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            open.addClassName("case-persons");
            actions.add(open);
        }
        return actions;
    }

    /**
     * The office gives a case to the agency that handles it (a department, or the commune to resolve it at the source)
     * and, for the inspection's or the office's own follow-up, to an officer who may then read its citizens.
     */
    private void assign(Cases.CaseSummary summary) {
        Dialog dialog = new Dialog(getTranslation("cases.assign.title", summary.caseRef()));
        ComboBox<CaseAgencies.Agency> agency = new ComboBox<>(getTranslation("cases.column.agency"));
        agency.setItems(agencies.all());
        agency.setItemLabelGenerator(this::agencyName);
        agencies.find(summary.agency()).ifPresent(agency::setValue);
        agency.addClassName("case-agency");
        agency.setWidthFull();
        ComboBox<UserAccounts.Account> handler = new ComboBox<>(getTranslation("cases.column.handler"));
        handler.setItems(persons.possibleHandlers());
        handler.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        handler.addClassName("case-handler");
        handler.setWidthFull();
        dialog.add(new VerticalLayout(agency, handler));
        Button confirm = new Button(getTranslation("cases.assign"), click -> {
            if (agency.getValue() == null && handler.getValue() == null) {
                agency.setInvalid(true);
                handler.setInvalid(true);
                return;
            }
            if (agency.getValue() != null && !agency.getValue().id().equals(summary.agency())) {
                agencies.assign(summary.caseRef(), agency.getValue().id());
            }
            if (handler.getValue() != null) {
                persons.assign(summary.caseRef(), handler.getValue().username());
            }
            dialog.close();
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("case-assign-confirm");
        dialog.getFooter().add(new Button(getTranslation("police.dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void showPersons(Cases.CaseSummary summary) {
        Dialog dialog = new Dialog(getTranslation("cases.persons.title", summary.caseRef()));
        Grid<CasePersons.Person> list = new Grid<>();
        list.addColumn(p -> DAY.format(p.occurredAt().atZoneSameInstant(settings.zone())))
                .setHeader(getTranslation("cases.column.received"))
                .setAutoWidth(true);
        list.addColumn(CasePersons.Person::name)
                .setHeader(getTranslation("field.person.name"))
                .setAutoWidth(true);
        list.addColumn(CasePersons.Person::idNumber)
                .setHeader(getTranslation("field.person.idNumber"))
                .setAutoWidth(true);
        list.addColumn(CasePersons.Person::phone)
                .setHeader(getTranslation("field.person.phone"))
                .setAutoWidth(true);
        list.addColumn(CasePersons.Person::address)
                .setHeader(getTranslation("field.person.address"))
                .setAutoWidth(true);
        list.setItems(persons.read(summary.caseRef()));
        list.addClassName("case-persons-grid");
        list.setAllRowsVisible(true);
        list.setWidth("60em");
        Span secret = new Span(getTranslation("cases.persons.secret"));
        secret.addClassName("case-persons-secret");
        dialog.add(secret, list);
        dialog.getFooter().add(new Button(getTranslation("cases.persons.close"), click -> dialog.close()));
        dialog.open();
    }

    private String agencyName(CaseAgencies.Agency agency) {
        return agency.commune() ? getTranslation("cases.agency.commune", agency.name()) : agency.name();
    }

    private static String date(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
