package vn.situationroom.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableTests {

    private final Table table = new Table(
            "Sự việc: tháng 3/2026",
            List.of("Mã xã", "Tóm tắt", "Số người"),
            List.of(
                    Arrays.asList("29416", "=HYPERLINK(\"http://x\")", 12),
                    Arrays.asList("29419", "Tranh chấp đất, \"ranh giới\"", 3),
                    Arrays.asList("29422", null, 0)));

    @Test
    void the_csv_opens_in_excel_with_its_vietnamese_and_no_formula_runs() throws Exception {
        byte[] csv = table.csv();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.EXCEL
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("Tóm tắt")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get("Tóm tắt")).isEqualTo("Tranh chấp đất, \"ranh giới\"");
        assertThat(rows.get(0).get("Số người")).isEqualTo("12");
    }

    @Test
    void the_xlsx_keeps_numbers_as_numbers_and_text_as_text() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table.xlsx()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("Sự việc  tháng 3 2026");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tóm tắt");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(12.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }
}
