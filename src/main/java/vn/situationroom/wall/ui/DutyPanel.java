package vn.situationroom.wall.ui;

import com.vaadin.flow.component.html.Div;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.roster.DutyRoster;

/**
 * Who is on duty now, from the roster, the district office's officers first, each with the unit they serve where it is
 * not the whole region; red when nobody is at the office.
 */
final class DutyPanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Region region;

    DutyPanel(Region region) {
        this.region = region;
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
                        .map(s -> getTranslation("wall.on-duty.shift", s.officer(), place(s), TIME.format(s.ends())))
                        .collect(Collectors.joining("; "))));
    }

    /** Where the officer is: the reception point, and the unit served where the shift names one. */
    private String place(DutyRoster.Shift shift) {
        String point = getTranslation("enum.ReceptionPoint." + shift.point().name());
        return shift.unitCode() == null
                ? point
                : getTranslation(
                        "wall.on-duty.place",
                        point,
                        region.unit(shift.unitCode()).map(Unit::name).orElse(shift.unitCode()));
    }
}
