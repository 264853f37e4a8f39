package vn.situationroom.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.region.Region;

/**
 * One alert as the live screens list it: its severity, its commune, when, whether someone is on it, and why. The wall's
 * ticker and the police command's list draw each alert with this row, so that both say the same of it; each screen
 * lays the parts out in its own CSS ({@code .alert-row-level}, {@code -commune}, {@code -time}, {@code -state},
 * {@code -why}) and may add its own parts after them, such as the police's buttons.
 */
public class AlertRow extends Div {

    /**
     * @param when the time as the screen says it (the wall: when it was last seen; the police: since when, how long)
     * @param state whether someone is on it, in words
     */
    public AlertRow(Alert alert, Region region, String when, String state) {
        Span level = new Span(LevelTexts.level(this, alert.severity()));
        level.addClassNames(
                "alert-row-level", "level-badge", "level-" + alert.severity().name());
        Span commune = new Span(region.placeName(alert.communeCode()));
        commune.addClassName("alert-row-commune");
        Span time = new Span(when);
        time.addClassName("alert-row-time");
        Div stateLine = new Div(state);
        stateLine.addClassNames("alert-row-state", "state-" + alert.state().name());
        Div why = new Div(
                alert.reasons().isEmpty()
                        ? ""
                        : LevelTexts.reason(this, alert.reasons().getFirst()));
        why.addClassName("alert-row-why");
        // A screen short of room cuts the commune and the state with "…"; the whole of each stays at hand.
        commune.getElement().setAttribute("title", commune.getText());
        stateLine.getElement().setAttribute("title", state);
        add(level, commune, time, stateLine, why);
        addClassName("alert-row");
        getElement().setAttribute("data-alert", alert.alertId());
        getElement().setAttribute("data-commune", alert.communeCode());
        getElement().setAttribute("data-rule", alert.rule().name());
        getElement().setAttribute("data-state", alert.state().name());
    }

    /** Adds a part of the screen's own after the shared ones. */
    public AlertRow with(Component part) {
        add(part);
        return this;
    }
}
