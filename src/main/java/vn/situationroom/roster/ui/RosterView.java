package vn.situationroom.roster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.UiProperties;

/**
 * The duty roster, kept by the office: a week of shifts (who, where, for which unit, from when to when), a form to add
 * one and a button to remove one. The wall screen shows who is on duty now; a unit's wall, the officers of its unit and
 * of the units above and below it.
 */
@RolesAllowed({Roles.OFFICE})
@Route("roster")
@Menu(title = "shell.menu.roster", order = 9, icon = "vaadin:calendar-user")
public class RosterView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int DAYS_SHOWN = 7;

    private final DutyRoster roster;
    private final UiProperties settings;
    private final DatePicker weekFrom = new DatePicker();
    private final Grid<DutyRoster.Shift> shifts = new Grid<>();
    private final DatePicker day = new DatePicker();
    private final TimePicker starts = new TimePicker();
    private final TimePicker ends = new TimePicker();
    private final Select<ReceptionPoint> point = new Select<>();
    /** The unit a shift serves: a unit's code, or empty for the whole region. */
    private final ComboBox<String> unit = new ComboBox<>();

    private final TextField officer = new TextField();
    private final TextField phone = new TextField();

    private final Clock clock;
    private final Region region;

    public RosterView(DutyRoster roster, UiProperties settings, Clock clock, Region region) {
        this.clock = clock;
        this.roster = roster;
        this.settings = settings;
        this.region = region;
        addClassName("roster-view");
        setSizeFull();
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));

        weekFrom.setLabel(getTranslation("roster.week-from"));
        weekFrom.setValue(today);
        weekFrom.addValueChangeListener(e -> refresh());

        day.setLabel(getTranslation("roster.day"));
        day.setValue(today);
        starts.setLabel(getTranslation("roster.starts"));
        starts.setStep(Duration.ofMinutes(15));
        starts.setValue(LocalTime.of(7, 30));
        ends.setLabel(getTranslation("roster.ends"));
        ends.setStep(Duration.ofMinutes(15));
        ends.setValue(LocalTime.of(17, 0));
        point.setLabel(getTranslation("field.receptionPoint"));
        point.setItems(ReceptionPoint.values());
        point.setItemLabelGenerator(p -> getTranslation("enum.ReceptionPoint." + p.name()));
        point.setValue(ReceptionPoint.DISTRICT_OFFICE);
        point.setWidth("17em");
        unit.setLabel(getTranslation("roster.unit"));
        unit.setItems(unitCodes());
        unit.setItemLabelGenerator(this::unitName);
        unit.setValue("");
        unit.setWidth("20em");
        unit.addClassName("roster-unit");
        officer.setLabel(getTranslation("roster.officer"));
        officer.setRequired(true);
        officer.setMaxLength(200);
        officer.setWidth("18em");
        officer.addClassName("roster-officer");
        phone.setLabel(getTranslation("roster.phone"));
        phone.setMaxLength(200);
        Button add = new Button(getTranslation("roster.add"), e -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("roster-add");
        HorizontalLayout form = new HorizontalLayout(day, starts, ends, point, unit, officer, phone, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        shifts.addClassName("roster-shifts");
        shifts.addColumn(s -> capitalized(DAY.withLocale(getLocale()).format(s.day())))
                .setHeader(getTranslation("roster.day"))
                .setAutoWidth(true);
        shifts.addColumn(s -> TIME.format(s.starts()) + "–" + TIME.format(s.ends())
                        + (s.overnight() ? " " + getTranslation("roster.next-day") : ""))
                .setHeader(getTranslation("roster.hours"))
                .setAutoWidth(true);
        shifts.addColumn(s -> getTranslation("enum.ReceptionPoint." + s.point().name()))
                .setHeader(getTranslation("field.receptionPoint"))
                .setAutoWidth(true);
        shifts.addColumn(s -> unitName(s.unitCode() == null ? "" : s.unitCode()))
                .setHeader(getTranslation("roster.unit"))
                .setAutoWidth(true);
        shifts.addColumn(DutyRoster.Shift::officer)
                .setHeader(getTranslation("roster.officer"))
                .setFlexGrow(2);
        shifts.addColumn(s -> s.phone() == null ? "" : s.phone())
                .setHeader(getTranslation("roster.phone"))
                .setAutoWidth(true);
        shifts.addComponentColumn(s -> {
                    Button remove = new Button(getTranslation("roster.remove"), e -> {
                        roster.remove(s.id());
                        refresh();
                    });
                    remove.addThemeVariants(
                            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        shifts.setSizeFull();

        add(new H2(getTranslation("roster.title")), form, weekFrom, shifts);
        setFlexGrow(1, shifts);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roster.title");
    }

    private void add() {
        List<String> problems = roster.add(new DutyRoster.Shift(
                0,
                day.getValue(),
                starts.getValue(),
                ends.getValue(),
                point.getValue(),
                officer.getValue(),
                phone.getValue(),
                unit.getValue() == null || unit.getValue().isEmpty() ? null : unit.getValue()));
        day.setInvalid(problems.contains("day"));
        ends.setInvalid(problems.contains("ends"));
        ends.setErrorMessage(getTranslation("roster.ends-after-starts"));
        point.setInvalid(problems.contains("point"));
        unit.setInvalid(problems.contains("unit"));
        officer.setInvalid(problems.contains("officer"));
        officer.setErrorMessage(getTranslation("police.dialog.required"));
        phone.setInvalid(problems.contains("phone"));
        if (problems.isEmpty()) {
            Notification.show(getTranslation("roster.added", officer.getValue().strip()));
            officer.clear();
            phone.clear();
            // Emptied for the next shift, not left wrong.
            officer.setInvalid(false);
            refresh();
        }
    }

    private void refresh() {
        LocalDate first =
                weekFrom.getValue() == null ? LocalDate.now(clock.withZone(settings.zone())) : weekFrom.getValue();
        shifts.setItems(roster.between(first, first.plusDays(DAYS_SHOWN - 1)));
        shifts.recalculateColumnWidths();
    }

    /** The whole region first, then every unit, each followed by those it holds (a province, its districts, ...). */
    private List<String> unitCodes() {
        List<String> codes = new ArrayList<>(List.of(""));
        Deque<Unit> next = new ArrayDeque<>(region.topUnits());
        while (!next.isEmpty()) {
            Unit at = next.pop();
            codes.add(at.code());
            List<Unit> below = region.children(at.code());
            for (int i = below.size() - 1; i >= 0; i--) {
                next.push(below.get(i));
            }
        }
        return codes;
    }

    /** A unit's name, with the unit above it where there is one (two communes of a country may share a name). */
    private String unitName(String code) {
        if (code.isEmpty()) {
            return getTranslation("roster.whole-region", region.name());
        }
        return region.unit(code)
                .map(u -> u.parentCode() == null
                        ? u.name()
                        : getTranslation(
                                "roster.unit-in",
                                u.name(),
                                region.unit(u.parentCode()).map(Unit::name).orElse(u.parentCode())))
                .orElse(code);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
