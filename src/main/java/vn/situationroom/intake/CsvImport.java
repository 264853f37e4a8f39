package vn.situationroom.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Imports a CSV file of reception events: every row is checked by the shared reader, and the file is written only
 * when every row is valid, or, when the user chooses so, its valid rows only. The REST endpoint and the import view
 * both use it.
 */
public class CsvImport {

    /** What to write when some rows are invalid. */
    public enum Mode {
        /** Nothing, unless every row is valid. */
        ALL_OR_NOTHING,
        /** The valid rows; the invalid ones are reported and left out. */
        VALID_ROWS
    }

    /**
     * A checked file.
     *
     * @param rows how many data rows it has
     * @param problems every problem of the file and of each row, in row order
     * @param valid the valid rows' events
     * @param invalidRows how many rows have at least one problem
     */
    public record Checked(int rows, List<RowViolation> problems, List<EventCheck.Valid> valid, int invalidRows) {

        /** Whether every row is valid and the file could be read. */
        public boolean clean() {
            return problems.isEmpty();
        }

        /** Whether the file itself could be read (its encoding, header and syntax are right). */
        public boolean readable() {
            return problems.stream().noneMatch(p -> p.row() <= 1);
        }
    }

    private final IntakeService intake;
    private final IntakeProperties properties;

    CsvImport(IntakeService intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    /** The largest file taken, in bytes. */
    public long maxFileBytes() {
        return properties.maxImportSize().toBytes();
    }

    /** Checks every row of a file, telling {@code progress} how many rows are done every so often. */
    public Checked check(byte[] file, IntConsumer progress) {
        if (file.length > maxFileBytes()) {
            return new Checked(
                    0,
                    List.of(new RowViolation(
                            0,
                            "$",
                            "too-large",
                            "the file is larger than " + maxFileBytes() + " bytes; split it into several files")),
                    List.of(),
                    0);
        }
        CsvEvents.Parsed parsed = CsvEvents.parse(file, properties.maxImportRows());
        if (!parsed.fileProblems().isEmpty()) {
            return new Checked(0, parsed.fileProblems(), List.of(), 0);
        }
        List<CsvEvents.Row> rows = parsed.rows();
        List<EventCheck> checks =
                intake.check(rows.stream().map(CsvEvents.Row::event).toList(), progress);
        List<RowViolation> problems = new ArrayList<>();
        List<EventCheck.Valid> valid = new ArrayList<>();
        int invalidRows = 0;
        for (int i = 0; i < rows.size(); i++) {
            long row = rows.get(i).row();
            if (rows.get(i).problem() != null) {
                invalidRows++;
                problems.add(rows.get(i).problem());
                continue;
            }
            switch (checks.get(i)) {
                case EventCheck.Valid v -> valid.add(v);
                case EventCheck.Invalid invalid -> {
                    invalidRows++;
                    invalid.violations().forEach(v -> problems.add(inRows(row, v, rows)));
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add(new RowViolation(0, "$", "empty", "the file has a header but no rows"));
        }
        return new Checked(rows.size(), problems, valid, invalidRows);
    }

    /**
     * Writes a checked file's events as {@code mode} says; returns the ids written (none when the mode is all or
     * nothing and some row is invalid).
     */
    public List<UUID> submit(Checked checked, Mode mode) {
        if (checked.valid().isEmpty() || (mode == Mode.ALL_OR_NOTHING && !checked.clean())) {
            return List.of();
        }
        return intake.submit(checked.valid());
    }

    /** A row's violation, with a repeated id named by the row that first had it. */
    private static RowViolation inRows(long row, Violation violation, List<CsvEvents.Row> rows) {
        if (violation.code().equals("duplicate-id") && !violation.arguments().isEmpty()) {
            long first = rows.get((Integer) violation.arguments().getFirst()).row();
            return new RowViolation(
                    row,
                    violation.field(),
                    violation.code(),
                    "repeats the id of row " + first + " with different content; an id names one event");
        }
        return RowViolation.of(row, violation);
    }
}
