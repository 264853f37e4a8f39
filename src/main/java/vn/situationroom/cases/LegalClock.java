package vn.situationroom.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The legal deadlines of a case (see DOMAIN.md, "Legal clock"). A term of N days runs from the day after the event
 * that starts it (Civil Code 2015, art. 147) and, ending on a day off, ends on the next working day.
 *
 * <ul>
 *   <li>Accept or refuse a complaint: within {@code acceptDays} (10) of receipt (Law on Complaints 2011, art. 27).</li>
 *   <li>Accept or refuse a denunciation: within 7 working days of receipt, after entering, classifying and checking it
 *       (Law on Denunciations 2018, art. 29); the law allows up to 10 working days where it must be checked in several
 *       places, which the clock does not assume.</li>
 *   <li>A complaint, first instance: resolved within 30 days of acceptance, 45 if complex; in remote areas 45 and 60
 *       (Law on Complaints 2011, art. 28).</li>
 *   <li>A denunciation: resolved within 30 days of acceptance; a complex one may be extended once, an especially
 *       complex one twice, by up to 30 days each time (Law on Denunciations 2018, art. 30); the parties are told of
 *       the acceptance within 5 working days.</li>
 * </ul>
 *
 * @param days the working days over which terms end
 * @param acceptDays the days to accept or refuse a complaint after receiving it
 * @param dueSoonDays a deadline this many days away or fewer is due soon
 */
public record LegalClock(WorkingDays days, int acceptDays, int dueSoonDays) {

    /** Working days to accept or refuse a denunciation after receiving it. */
    static final int DENUNCIATION_ACCEPT_WORKING_DAYS = 7;

    /** Days to tell the parties of a denunciation's acceptance, in working days. */
    static final int NOTIFY_WORKING_DAYS = 5;

    /** The length of one extension of a denunciation. */
    static final int EXTENSION_DAYS = 30;

    /** What a case is, for its clock. */
    public enum Kind {
        COMPLAINT,
        DENUNCIATION
    }

    /** How complex a case was found to be when it was accepted. */
    public enum Complexity {
        ORDINARY,
        COMPLEX,
        /** Denunciations only: may be extended twice. */
        ESPECIALLY_COMPLEX
    }

    /** How a deadline stands on a day. */
    public enum Standing {
        ON_TIME,
        DUE_SOON,
        OVERDUE
    }

    public LegalClock {
        if (acceptDays < 1 || dueSoonDays < 0) {
            throw new IllegalArgumentException("acceptDays must be at least 1 and dueSoonDays at least 0");
        }
    }

    /** The last day to accept or refuse a case of this kind received on {@code received}. */
    public LocalDate acceptBy(Kind kind, LocalDate received) {
        return switch (kind) {
            case COMPLAINT -> days.endOfTerm(received.plusDays(acceptDays));
            case DENUNCIATION -> days.plusWorkingDays(received, DENUNCIATION_ACCEPT_WORKING_DAYS);
        };
    }

    /** The last day to tell the parties that a denunciation accepted on {@code accepted} was accepted. */
    public LocalDate notifyBy(LocalDate accepted) {
        return days.plusWorkingDays(accepted, NOTIFY_WORKING_DAYS);
    }

    /**
     * The last day to resolve a case accepted on {@code accepted}.
     *
     * @param remote whether the case is handled in a remote area (complaints: 45 and 60 days)
     * @param extensions how many times a denunciation was extended (complaints: 0)
     * @throws IllegalArgumentException for an extension the law does not allow, naming why
     */
    public LocalDate resolveBy(Kind kind, LocalDate accepted, Complexity complexity, boolean remote, int extensions) {
        int term = switch (kind) {
            case COMPLAINT -> {
                if (extensions != 0) {
                    throw new IllegalArgumentException("a complaint's term is not extended: its complexity sets it");
                }
                if (complexity == Complexity.ESPECIALLY_COMPLEX) {
                    throw new IllegalArgumentException("a complaint is ordinary or complex, not especially complex");
                }
                boolean complex = complexity == Complexity.COMPLEX;
                yield remote ? (complex ? 60 : 45) : (complex ? 45 : 30);
            }
            case DENUNCIATION -> {
                int allowed = switch (complexity) {
                    case ORDINARY -> 0;
                    case COMPLEX -> 1;
                    case ESPECIALLY_COMPLEX -> 2;
                };
                if (extensions < 0 || extensions > allowed) {
                    throw new IllegalArgumentException("a denunciation of complexity " + complexity
                            + " may be extended at most " + allowed + " time(s), not " + extensions);
                }
                yield 30 + extensions * EXTENSION_DAYS;
            }
        };
        return days.endOfTerm(accepted.plusDays(term));
    }

    /** How a deadline stands on {@code today}: overdue after its day, due soon within {@code dueSoonDays} of it. */
    public Standing standing(LocalDate deadline, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, deadline);
        return left < 0 ? Standing.OVERDUE : left <= dueSoonDays ? Standing.DUE_SOON : Standing.ON_TIME;
    }
}
