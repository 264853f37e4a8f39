package vn.situationroom.intake;

import java.util.List;
import java.util.Map;

/**
 * The rules a case update must keep whatever channel it comes through (REST, CSV, the intake form, the cases screen):
 * who may record a case's steps, and the law's order of the steps. Intake asks them for every offer of a person or a
 * token; the app's own writers (the simulator) are not asked. The cases feature owns them.
 */
public interface CaseUpdateRules {

    /**
     * The case updates of an offer that may not be written, by their index in {@code offered}. The events are looked
     * at in order, each as if the earlier ones of the offer were recorded (a book with a case's visit, its acceptance
     * and its resolution in one file).
     */
    Map<Integer, Violation> refusals(List<ReceptionEvent> offered);

    /** Notes the case updates just written (the audit log), with who wrote them. */
    void written(List<ReceptionEvent> updates);
}
