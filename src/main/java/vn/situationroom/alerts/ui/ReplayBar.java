package vn.situationroom.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** The police map's replay: a slider over the last 24 hours by quarter hours, its last step now, live. */
final class ReplayBar extends Div {

    /** The replay's steps: the last 24 hours by quarter hours; the last step is now, live. */
    static final int STEPS = 96;

    private static final Duration STEP = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private final Input slider = new Input();
    private final Span at = new Span();

    /** @param moment told the moment picked, or {@code null} for now */
    ReplayBar(Clock clock, Consumer<Instant> moment) {
        slider.setType("range");
        slider.getElement().setAttribute("min", "0");
        slider.getElement().setAttribute("max", String.valueOf(STEPS));
        slider.getElement().setAttribute("step", "1");
        slider.setValue(String.valueOf(STEPS));
        slider.addClassName("police-replay-slider");
        slider.setAriaLabel(getTranslation("police.replay.label"));
        slider.addValueChangeListener(change -> {
            int step = parseStep(change.getValue());
            moment.accept(
                    step >= STEPS
                            ? null
                            : clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(STEP.multipliedBy(STEPS - step)));
        });
        // Back to now: the slider's listener redraws.
        Button live = new Button(getTranslation("police.replay.live"), click -> slider.setValue(String.valueOf(STEPS)));
        live.addThemeVariants(ButtonVariant.LUMO_SMALL);
        live.addClassName("police-replay-live");
        at.addClassName("police-replay-at");
        add(new Span(getTranslation("police.replay.label")), slider, at, live);
        addClassName("police-replay");
    }

    void showLive() {
        at.setText(getTranslation("police.replay.now"));
        removeClassName("replaying");
    }

    void showReplaying(Instant moment, ZoneId zone) {
        at.setText(getTranslation("police.replay.at", TIME.format(moment.atZone(zone))));
        addClassName("replaying");
    }

    private static int parseStep(String value) {
        try {
            return Math.max(0, Math.min(STEPS, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return STEPS;
        }
    }
}
