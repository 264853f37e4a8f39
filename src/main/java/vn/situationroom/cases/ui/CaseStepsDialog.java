package vn.situationroom.cases.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.situationroom.cases.CaseSteps;
import vn.situationroom.cases.Cases;
import vn.situationroom.intake.CaseStatus;

/**
 * One case's deadlines (accept, resolve, with the day each was done or how it stands) and its steps in order, and,
 * for those who handle cases, the form to record the next step: the law's order is checked before anything is written.
 */
final class CaseStepsDialog extends Dialog {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** How long to wait for a recorded step to come back from the history before showing it. */
    private static final long WAIT_MILLIS = 8000;

    private final Cases cases;
    private final CaseSteps steps;
    private final String caseRef;
    private final ZoneId zone;
    private final boolean mayRecord;
    private final Runnable onRecorded;
    private final Div content = new Div();
    private final Clock clock;

    CaseStepsDialog(
            Cases cases,
            CaseSteps steps,
            String caseRef,
            ZoneId zone,
            Clock clock,
            boolean mayRecord,
            Runnable onRecorded) {
        this.cases = cases;
        this.steps = steps;
        this.caseRef = caseRef;
        this.zone = zone;
        this.clock = clock;
        this.mayRecord = mayRecord;
        this.onRecorded = onRecorded;
        setHeaderTitle(getTranslation("cases.steps.title", caseRef));
        addClassName("case-steps-dialog");
        content.setWidth("56em");
        add(content);
        getFooter().add(new Button(getTranslation("cases.persons.close"), click -> close()));
        render();
    }

    private void render() {
        content.removeAll();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Cases.CaseSummary summary = cases.one(caseRef, today).orElse(null);
        if (summary == null) {
            content.add(new Span(getTranslation("cases.steps.problem.UNKNOWN_CASE")));
            return;
        }
        Div about = new Div(getTranslation(
                "cases.steps.about",
                summary.content() == null ? "" : getTranslation("enum.Content." + summary.content()),
                summary.field() == null ? "" : getTranslation("enum.Field." + summary.field()),
                getTranslation("cases.complexity." + summary.complexity()),
                summary.extensions()));
        about.addClassName("case-steps-about");
        content.add(about, new H4(getTranslation("cases.steps.deadlines")));
        List<Cases.Deadline> deadlines = cases.deadlines(summary, today);
        if (deadlines.isEmpty()) {
            content.add(new Div(getTranslation("cases.steps.no-clock")));
        } else {
            Grid<Cases.Deadline> grid = new Grid<>();
            grid.addClassName("case-deadlines");
            grid.addColumn(d -> getTranslation("cases.steps.deadline." + d.step()))
                    .setHeader(getTranslation("cases.steps.status"))
                    .setAutoWidth(true);
            grid.addColumn(d -> DAY.format(d.due()))
                    .setHeader(getTranslation("cases.steps.column.due"))
                    .setAutoWidth(true);
            grid.addColumn(d -> d.done() == null ? "" : DAY.format(d.done()))
                    .setHeader(getTranslation("cases.steps.column.done"))
                    .setAutoWidth(true);
            grid.addComponentColumn(d -> {
                        if (d.standing() == null) {
                            // Done: on time, or how many days late.
                            long late = ChronoUnit.DAYS.between(d.due(), d.done());
                            return new Span(
                                    late > 0
                                            ? getTranslation("cases.steps.done-late", late)
                                            : getTranslation("cases.steps.done-on-time"));
                        }
                        Span standing = new Span(getTranslation("cases.standing." + d.standing()));
                        standing.addClassNames(
                                "case-standing", "standing-" + d.standing().name());
                        return standing;
                    })
                    .setHeader(getTranslation("cases.steps.column.standing"))
                    .setAutoWidth(true);
            grid.setItems(deadlines);
            grid.setAllRowsVisible(true);
            content.add(grid);
        }
        content.add(new H4(getTranslation("cases.steps.timeline")));
        Grid<Cases.TimelineEntry> timeline = new Grid<>();
        timeline.addClassName("case-timeline");
        timeline.addColumn(e -> TIME.format(e.at().atZoneSameInstant(zone)))
                .setHeader(getTranslation("watch.history.at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(e -> e.status() != null
                        ? getTranslation("enum.CaseStatus." + e.status())
                        : getTranslation("enum.EventType." + e.type()))
                .setHeader(getTranslation("watch.history.what"))
                .setAutoWidth(true);
        timeline.addColumn(e -> e.summary() == null ? "" : e.summary())
                .setHeader(getTranslation("watch.history.note"))
                .setFlexGrow(1);
        timeline.setItems(cases.timeline(caseRef));
        timeline.setAllRowsVisible(true);
        content.add(timeline);
        if (mayRecord && !summary.finished()) {
            content.add(new H4(getTranslation("cases.steps.record")), form(today));
        }
    }

    private Div form(LocalDate today) {
        ComboBox<CaseStatus> status = new ComboBox<>(getTranslation("cases.steps.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("enum.CaseStatus." + s));
        status.addClassName("case-step-status");
        DatePicker day = new DatePicker(getTranslation("cases.steps.day"), today);
        day.setMax(today);
        day.addClassName("case-step-day");
        Checkbox complex = new Checkbox(getTranslation("cases.steps.complex"));
        complex.addClassName("case-step-complex");
        complex.setVisible(false);
        status.addValueChangeListener(e -> complex.setVisible(e.getValue() == CaseStatus.ACCEPTED));
        TextArea note = new TextArea(getTranslation("cases.steps.note"));
        note.setMaxLength(CaseSteps.MAX_NOTE);
        note.setWidthFull();
        note.addClassName("case-step-note");
        Span problem = new Span();
        problem.addClassName("case-step-problem");
        Button save = new Button(getTranslation("cases.steps.save"), click -> {
            if (status.getValue() == null || day.getValue() == null) {
                status.setInvalid(status.getValue() == null);
                day.setInvalid(day.getValue() == null);
                return;
            }
            switch (steps.record(caseRef, status.getValue(), day.getValue(), complex.getValue(), note.getValue())) {
                case CaseSteps.Refused refused ->
                    problem.setText(getTranslation("cases.steps.problem." + refused.problem()));
                case CaseSteps.Recorded recorded -> {
                    String what = getTranslation("enum.CaseStatus." + status.getValue());
                    Div pending = new Div(getTranslation("cases.steps.pending"));
                    pending.addClassName("case-step-pending");
                    content.addComponentAsFirst(pending);
                    showWhenStored(recorded, what);
                    return; // the button stays disabled: the dialog is drawn again once the step is in
                }
            }
            click.getSource().setEnabled(true);
        });
        // One click, one step: a second click while the first is being written would record it twice.
        save.setDisableOnClick(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("case-step-save");
        HorizontalLayout row = new HorizontalLayout(status, day, complex);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div form = new Div(row, note, problem, save);
        form.addClassName("case-step-form");
        return form;
    }

    /**
     * Draws the dialog again once the step written to the broker is in the history, a few seconds at most, off the
     * UI's lock (push brings the change); if the history is slower, the step shows on the next look.
     */
    private void showWhenStored(CaseSteps.Recorded recorded, String what) {
        UI ui = UI.getCurrent();
        Thread.ofVirtual().name("case-step-" + caseRef).start(() -> {
            boolean stored = false;
            long until = System.currentTimeMillis() + WAIT_MILLIS;
            try {
                while (!stored && System.currentTimeMillis() < until) {
                    Thread.sleep(200);
                    stored = cases.timeline(caseRef).stream()
                            .anyMatch(e -> e.eventId().equals(recorded.eventId()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean shown = stored;
            ui.access(() -> {
                onRecorded.run();
                render();
                Div done = new Div(
                        shown ? getTranslation("cases.steps.recorded", what) : getTranslation("cases.steps.pending"));
                done.addClassName("case-step-recorded");
                content.addComponentAsFirst(done);
            });
        });
    }
}
