package vn.situationroom.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.situationroom.history.Counter;
import vn.situationroom.hotspot.HotspotLevel;

/**
 * The daily report as a Word document (Apache POI), for the office to edit and sign. Times New Roman, the font of
 * Vietnamese administrative documents, which Word has with every diacritic.
 */
final class DocxReport {

    private static final String FONT = "Times New Roman";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final double MAP_WIDTH_POINTS = 450;

    byte[] write(DailyReport report, ZoneId zone) {
        DailyReport.Texts t = report.texts();
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            paragraph(document, report.title(), 16, true, ParagraphAlignment.CENTER);
            paragraph(document, report.subtitle(), 13, true, ParagraphAlignment.CENTER);
            paragraph(
                    document,
                    t.get("report.generated") + " "
                            + GENERATED.format(report.generatedAt().atZone(zone)),
                    11,
                    false,
                    ParagraphAlignment.CENTER);
            paragraph(document, report.freshness(), 11, report.behind(), ParagraphAlignment.CENTER);

            paragraph(document, t.get("report.totals"), 13, true, ParagraphAlignment.LEFT);
            counterTable(document, report, DailyReport.TOTALS);
            paragraph(document, t.get("report.breakdown"), 13, true, ParagraphAlignment.LEFT);
            counterTable(document, report, DailyReport.BREAKDOWN);

            paragraph(document, t.get("report.map"), 13, true, ParagraphAlignment.LEFT);
            var size = ImageIO.read(new ByteArrayInputStream(report.map()));
            double height = MAP_WIDTH_POINTS * size.getHeight() / size.getWidth();
            XWPFParagraph picture = document.createParagraph();
            picture.setAlignment(ParagraphAlignment.CENTER);
            picture.createRun()
                    .addPicture(
                            new ByteArrayInputStream(report.map()),
                            Document.PICTURE_TYPE_PNG,
                            "map.png",
                            Units.toEMU(MAP_WIDTH_POINTS),
                            Units.toEMU(height));
            paragraph(document, t.get("report.legend"), 10, false, ParagraphAlignment.LEFT);

            if (report.summarised()) {
                paragraph(document, t.get("report.communes.by-unit"), 13, true, ParagraphAlignment.LEFT);
                unitTable(document, report, t);
                paragraph(document, t.get("report.communes.attention"), 11, true, ParagraphAlignment.LEFT);
                if (report.communes().isEmpty()) {
                    paragraph(document, t.get("report.communes.attention.none"), 11, false, ParagraphAlignment.LEFT);
                } else {
                    communeTable(document, report, t);
                }
                paragraph(document, report.unlisted(), 11, false, ParagraphAlignment.LEFT);
            } else {
                paragraph(document, t.get("report.communes"), 13, true, ParagraphAlignment.LEFT);
                communeTable(document, report, t);
            }

            paragraph(document, t.get("report.alerts"), 13, true, ParagraphAlignment.LEFT);
            if (report.alerts().isEmpty()) {
                paragraph(document, t.get("report.alerts.none"), 11, false, ParagraphAlignment.LEFT);
            } else {
                XWPFTable alerts = table(
                        document,
                        List.of(
                                t.get("report.column.time"),
                                t.get("report.column.commune"),
                                t.get("report.column.severity"),
                                t.get("report.column.reason"),
                                t.get("report.column.handling")));
                for (DailyReport.AlertLine alert : report.alerts()) {
                    row(
                                    alerts,
                                    List.of(
                                            alert.time(),
                                            alert.commune(),
                                            alert.severityName(),
                                            alert.reason(),
                                            alert.handling()))
                            .getCell(2)
                            .setColor(colour(alert.severity()));
                }
            }

            paragraph(document, t.get("report.overdue"), 13, true, ParagraphAlignment.LEFT);
            if (report.overdue().isEmpty()) {
                paragraph(document, t.get("report.overdue.none"), 11, false, ParagraphAlignment.LEFT);
            } else {
                paragraph(document, report.overdueSummary(), 11, false, ParagraphAlignment.LEFT);
                XWPFTable overdue = table(
                        document,
                        List.of(
                                t.get("report.column.case"),
                                t.get("report.column.commune"),
                                t.get("report.column.content"),
                                t.get("report.column.step"),
                                t.get("report.column.deadline"),
                                t.get("report.column.late")));
                for (DailyReport.CaseLine line : report.overdue()) {
                    row(
                            overdue,
                            List.of(
                                    line.caseRef(),
                                    line.commune(),
                                    line.content(),
                                    line.step(),
                                    line.deadline(),
                                    String.valueOf(line.daysLate())));
                }
            }
            document.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("Cannot put the map into the report", e);
        }
    }

    private static void counterTable(XWPFDocument document, DailyReport report, List<Counter> counters) {
        DailyReport.Texts t = report.texts();
        XWPFTable table = table(
                document,
                List.of(
                        t.get("report.column.counter"),
                        t.get("report.column.day"),
                        t.get("report.column.week-before"),
                        t.get("report.column.change")));
        for (Counter counter : counters) {
            long day = report.today().getOrDefault(counter, 0L);
            long before = report.weekBefore().getOrDefault(counter, 0L);
            long change = day - before;
            row(
                    table,
                    List.of(
                            t.get("counter." + counter.apiName()),
                            String.valueOf(day),
                            String.valueOf(before),
                            (change > 0 ? "+" : "") + change));
        }
    }

    /** Each row: its name, level (coloured), third column and counts. */
    private static void levelTable(
            XWPFDocument document,
            List<? extends DailyReport.LevelRow> rows,
            String first,
            String third,
            DailyReport.Texts t) {
        List<String> headers = new ArrayList<>(List.of(first, t.get("report.column.level"), third));
        DailyReport.COMMUNE_COLUMNS.forEach(c -> headers.add(t.get("counter." + c.apiName())));
        XWPFTable table = table(document, headers);
        for (DailyReport.LevelRow line : rows) {
            List<String> cells = new ArrayList<>(List.of(line.name(), line.levelName(), line.note()));
            DailyReport.COMMUNE_COLUMNS.forEach(
                    c -> cells.add(String.valueOf(line.counts().getOrDefault(c, 0L))));
            XWPFTableRow row = row(table, cells);
            if (line.level() != null) {
                row.getCell(1).setColor(colour(line.level()));
            }
        }
    }

    private static void communeTable(XWPFDocument document, DailyReport report, DailyReport.Texts t) {
        levelTable(document, report.communes(), t.get("report.column.commune"), t.get("report.column.reason"), t);
    }

    private static void unitTable(XWPFDocument document, DailyReport report, DailyReport.Texts t) {
        levelTable(document, report.units(), t.get("report.column.unit"), t.get("report.column.attention"), t);
    }

    private static XWPFTable table(XWPFDocument document, List<String> headers) {
        XWPFTable table = document.createTable(1, headers.size());
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            text(header.getCell(i), headers.get(i), true);
            header.getCell(i).setColor("E2E8F0");
        }
        return table;
    }

    private static XWPFTableRow row(XWPFTable table, List<String> cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.size(); i++) {
            text(row.getCell(i), cells.get(i), false);
        }
        return row;
    }

    private static void text(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().isEmpty()
                ? cell.addParagraph()
                : cell.getParagraphs().getFirst();
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(10);
        run.setBold(bold);
        run.setText(text == null ? "" : text);
    }

    private static void paragraph(
            XWPFDocument document, String text, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        // A heading (bold) stays on the page of what follows it.
        paragraph.setKeepNext(bold);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    /** The level's colour as Word writes it: RRGGBB. */
    private static String colour(HotspotLevel level) {
        return level.hex().substring(1).toUpperCase(Locale.ROOT);
    }
}
