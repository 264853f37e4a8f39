package vn.situationroom.analysis.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as the analyst exports it: a header of translated column names and rows of strings, numbers and booleans.
 * CSV is UTF-8 with a byte order mark (so that Excel reads the Vietnamese right), XLSX one sheet with numbers as
 * numbers; both written by libraries (Apache Commons CSV, Apache POI), never by hand.
 *
 * @param title the sheet's name
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
record Table(String title, List<String> header, List<List<Object>> rows) {

    /** Excel's limit on a sheet's name. */
    private static final int SHEET_NAME_MAX = 31;

    byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(
                writer,
                CSVFormat.EXCEL
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Table::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] csv = bytes.toByteArray();
        byte[] withMark = new byte[csv.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(csv, 0, withMark, 3, csv.length);
        return withMark;
    }

    /**
     * A text that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return; the
     * summaries are citizens' free text) is written with a leading apostrophe, which shows it as text. Numbers stay.
     */
    static Object inert(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    byte[] xlsx() {
        // Streaming: only a window of rows is held in memory, however long the table.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    switch (value) {
                        case null -> cell.setBlank();
                        case Number number -> cell.setCellValue(number.doubleValue());
                        case Boolean flag -> cell.setCellValue(flag);
                        default -> cell.setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sheetName() {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return name.isEmpty() ? "Sheet1" : name.substring(0, Math.min(SHEET_NAME_MAX, name.length()));
    }
}
