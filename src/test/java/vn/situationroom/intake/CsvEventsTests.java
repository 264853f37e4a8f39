package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvEventsTests {

    private static final String HEADER = "eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount,"
            + "complex,summary,person.name,person.phone\n";

    @Test
    void rows_become_events_with_typed_cells_and_a_nested_person() {
        CsvEvents.Parsed parsed = parse(HEADER
                + "0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10,2026-03-15T08:00:00+07:00,10001,DISTRICT_OFFICE,VISIT,"
                + "COMPLAINT,LAND,7,TRUE,\"Tranh chấp đất, ấp 3\",Nguyễn Văn A,0912345678\n");

        assertThat(parsed.fileProblems()).isEmpty();
        var event = parsed.rows().getFirst().event();
        assertThat(event.get("headcount").isIntegralNumber()).isTrue();
        assertThat(event.get("complex").asBoolean()).isTrue();
        assertThat(event.get("summary").asString()).isEqualTo("Tranh chấp đất, ấp 3");
        assertThat(event.get("person").get("name").asString()).isEqualTo("Nguyễn Văn A");
    }

    @Test
    void rows_are_numbered_as_a_spreadsheet_shows_them_even_after_a_multi_line_cell() {
        CsvEvents.Parsed parsed =
                parse("\uFEFF" + HEADER + "a,b,c,d,e,f,g,1,false,\"two\nlines\",,\n" + "\n" + "a,b,c,d,e,f,g,,,,,\n");

        assertThat(parsed.rows()).extracting(CsvEvents.Row::row).containsExactly(2L, 3L);
        assertThat(parsed.rows().getLast().event().has("headcount")).isFalse();
        assertThat(parsed.rows().getLast().event().has("person")).isFalse();
    }

    @Test
    void a_row_with_more_cells_than_the_header_is_a_problem_and_fewer_cells_are_empty_ones() {
        CsvEvents.Parsed parsed = parse(HEADER + "a,b,c,d,e,f,g,1,false,Tranh chấp đất, ấp 3,,,\n" + "a,b,c\n");

        assertThat(parsed.rows().get(0).problem()).satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.code()).isEqualTo("too-many-cells");
        });
        assertThat(parsed.rows().get(1).problem()).isNull();
        assertThat(parsed.rows().get(1).event().has("type")).isFalse();
    }

    @Test
    void an_unknown_column_and_a_missing_required_column_are_named_in_the_header() {
        CsvEvents.Parsed parsed = parse("eventId,occurredAt,communeCode,type,headcont\nx,y,z,VISIT,3\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.fileProblems())
                .extracting(RowViolation::row, RowViolation::field, RowViolation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "headcont", "unknown-field"),
                        org.assertj.core.groups.Tuple.tuple(1L, "receptionPoint", "required"));
    }

    @Test
    void a_file_that_is_not_utf_8_is_refused_as_a_whole() {
        byte[] latin1 = (HEADER + "x,y,z,POLICE,VISIT,,,,,Tr\u00e2n,,\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CsvEvents.parse(latin1, 10).fileProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("not-utf-8"));
    }

    @Test
    void an_unclosed_quote_is_refused_as_malformed_csv() {
        assertThat(parse(HEADER + "x,\"y,z\n").fileProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("malformed-csv"));
    }

    @Test
    void more_rows_than_the_limit_are_refused() {
        assertThat(CsvEvents.parse((HEADER + "a,b,c,d,e,f,g,1,,,,\n".repeat(3)).getBytes(StandardCharsets.UTF_8), 2)
                        .fileProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("too-many"));
    }

    private static CsvEvents.Parsed parse(String csv) {
        return CsvEvents.parse(csv.getBytes(StandardCharsets.UTF_8), 100);
    }
}
