package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.roster.DutyRoster;

/** Who is on duty now, from the roster, the district office's officers first; red when nobody is at the office. */
final class DutyPanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    DutyPanel() {
        addClassName("wall-on-duty");
    }

    void show(List<DutyRoster.Shift> onDuty) {
        List<DutyRoster.Shift> shifts = onDuty.stream()
                .sorted(Comparator.comparing((DutyRoster.Shift s) -> s.point() != ReceptionPoint.DISTRICT_OFFICE))
                .toList();
        boolean office = shifts.stream().anyMatch(s -> s.point() == ReceptionPoint.DISTRICT_OFFICE);
        getElement().setAttribute("data-office", String.valueOf(office));
        if (shifts.isEmpty()) {
            setText(getTranslation("wall.on-duty.none"));
            return;
        }
        setText(getTranslation(
                "wall.on-duty",
                shifts.stream()
                        .map(s -> getTranslation(
                                "wall.on-duty.shift",
                                s.officer(),
                                getTranslation(
                                        "enum.ReceptionPoint." + s.point().name()),
                                TIME.format(s.ends())))
                        .collect(Collectors.joining("; "))));
    }
}
