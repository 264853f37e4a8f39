package vn.situationroom.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a CSV file of reception events (UTF-8, a header row of the JSON field names, {@code person.name} and the like
 * for the person) into one JSON object per row, so that the rows are checked by the same reader as every other
 * channel. Empty cells are absent fields.
 */
public final class CsvEvents {

    /** The columns a file may have, in the order of the event's fields. */
    public static final List<String> COLUMNS = ReceptionEventReader.FIELDS.stream()
            .filter(f -> !f.equals("recordedAt") && !f.equals("personHash"))
            .flatMap(f -> f.equals("person")
                    ? ReceptionEventReader.PERSON_FIELDS.stream().map(p -> "person." + p)
                    : java.util.stream.Stream.of(f))
            .toList();

    private static final List<String> REQUIRED =
            List.of("eventId", "occurredAt", "communeCode", "receptionPoint", "type");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(false)
            .get();

    private CsvEvents() {}

    /**
     * One data row of the file.
     *
     * @param row the row's number as a spreadsheet shows it: the header is row 1
     * @param event the row as the JSON object of an event
     * @param problem what keeps the row from being read as an event, or {@code null}
     */
    public record Row(long row, JsonNode event, RowViolation problem) {}

    /** The rows of a file, or the problems that keep it from being read at all (then there are no rows). */
    public record Parsed(List<Row> rows, List<RowViolation> fileProblems) {}

    /** Reads the file. A file that cannot be read as a whole (encoding, header, syntax) gets its problems instead. */
    public static Parsed parse(byte[] file, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (MalformedInputException e) {
            return failed(0, "$", "not-utf-8", "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        } catch (CharacterCodingException e) {
            return failed(0, "$", "not-utf-8", "the file is not UTF-8 text: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte-order mark spreadsheets write before UTF-8 CSV
        }
        try (Reader reader = new StringReader(text);
                CSVParser parser = FORMAT.parse(reader)) {
            List<RowViolation> headerProblems = checkHeader(parser.getHeaderNames());
            if (!headerProblems.isEmpty()) {
                return new Parsed(List.of(), headerProblems);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    return failed(
                            0,
                            "$",
                            "too-many",
                            "the file has more than " + maxRows + " rows; split it into several files");
                }
                // Row numbers as a spreadsheet shows them: the header is row 1, so data record n is row n + 1.
                long row = record.getRecordNumber() + 1;
                // More cells than columns means a cell holds an unquoted comma: which column would the rest belong to?
                // Fewer cells are empty trailing cells, which some spreadsheets leave out.
                RowViolation problem = record.size() > parser.getHeaderNames().size()
                        ? new RowViolation(
                                row,
                                "$",
                                "too-many-cells",
                                "the row has " + record.size() + " cells and the " + "header "
                                        + parser.getHeaderNames().size() + "; quote a cell that holds a comma")
                        : null;
                rows.add(new Row(row, toJson(record), problem));
            }
            return new Parsed(rows, List.of());
        } catch (IllegalArgumentException e) {
            return failed(1, "$", "invalid-header", "the header row cannot be read: " + e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            return failed(0, "$", "malformed-csv", "the file is not valid CSV: " + rootMessage(e));
        }
    }

    /** An example row in the order of {@link #COLUMNS}, for a template file: a land complaint of seven citizens. */
    public static String exampleRow(String communeCode) {
        return String.join(
                ",",
                UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString(),
                communeCode,
                "DISTRICT_OFFICE",
                "VISIT",
                "COMPLAINT",
                "LAND",
                "7",
                "false",
                "false",
                "KN-001",
                "\"...\"",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
    }

    private static List<RowViolation> checkHeader(List<String> header) {
        List<RowViolation> problems = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(new RowViolation(
                        1, column, "unknown-field", "is not a column of reception events; the columns are " + COLUMNS));
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add(new RowViolation(1, column, "required", "is a required column and the header lacks it"));
            }
        }
        return problems;
    }

    private static ObjectNode toJson(CSVRecord record) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (column.startsWith("person.")) {
                ObjectNode person = event.has("person") ? (ObjectNode) event.get("person") : event.putObject("person");
                person.put(column.substring("person.".length()), value);
            } else if (column.equals("headcount") && WHOLE_NUMBER.matcher(value).matches()) {
                event.put(column, Long.parseLong(value));
            } else if ((column.equals("complex") || column.equals("candidateRelated"))
                    && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                event.put(column, Boolean.parseBoolean(value));
            } else {
                event.put(column, value);
            }
        }
        return event;
    }

    private static Parsed failed(long row, String field, String code, String message) {
        return new Parsed(List.of(), List.of(new RowViolation(row, field, code, message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
