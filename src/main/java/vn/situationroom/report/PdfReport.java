package vn.situationroom.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.situationroom.history.Counter;
import vn.situationroom.hotspot.HotspotLevel;

/** The daily report as an A4 PDF, its font (DejaVu Sans, every Vietnamese diacritic) embedded. */
final class PdfReport {

    private static final Color HEADER = new Color(0xe2e8f0);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** The height of a section's heading with its spacing, in points. */
    private static final float HEADING = 32;
    /** What a table needs below its heading: its header and a couple of rows, in points. */
    private static final float TABLE_START = 70;

    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font bold;
    /** For what the reader must not miss: figures that are behind. */
    private final Font warning;

    PdfReport() {
        BaseFont regular = font("/fonts/DejaVuSans.ttf");
        BaseFont strong = font("/fonts/DejaVuSans-Bold.ttf");
        title = new Font(strong, 16);
        heading = new Font(strong, 12);
        body = new Font(regular, 9);
        bold = new Font(strong, 9);
        warning = new Font(strong, 10, Font.NORMAL, new Color(0xb71c1c));
    }

    byte[] write(DailyReport report, ZoneId zone) {
        DailyReport.Texts t = report.texts();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            // An image that does not fit the page goes to the next one, and the text after it waits for it.
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            writer.setStrictImageSequence(true);
            document.addTitle(report.title() + " "
                    + (report.from().equals(report.day()) ? report.day() : report.from() + "/" + report.day()));
            document.open();
            Paragraph top = new Paragraph(report.title(), title);
            top.setAlignment(Element.ALIGN_CENTER);
            document.add(top);
            Paragraph sub = new Paragraph(report.subtitle(), heading);
            sub.setAlignment(Element.ALIGN_CENTER);
            document.add(sub);
            Paragraph generated = new Paragraph(
                    t.get("report.generated") + " "
                            + GENERATED.format(report.generatedAt().atZone(zone)),
                    body);
            generated.setAlignment(Element.ALIGN_CENTER);
            document.add(generated);
            Paragraph asOf = new Paragraph(report.freshness(), report.behind() ? warning : body);
            asOf.setAlignment(Element.ALIGN_CENTER);
            asOf.setSpacingAfter(8);
            document.add(asOf);

            section(document, writer, t.get("report.totals"), TABLE_START);
            document.add(counterTable(report, DailyReport.TOTALS, t));

            section(document, writer, t.get("report.breakdown"), TABLE_START);
            document.add(counterTable(report, DailyReport.BREAKDOWN, t));

            Image map = Image.getInstance(report.map());
            map.scaleToFit(document.getPageSize().getWidth() - 72, 420);
            section(document, writer, t.get("report.map"), map.getScaledHeight());
            map.setAlignment(Element.ALIGN_CENTER);
            document.add(map);
            document.add(new Paragraph(t.get("report.legend"), body));

            if (report.summarised()) {
                section(document, writer, t.get("report.communes.by-unit"), TABLE_START);
                document.add(unitTable(report, t));
                Paragraph attention = new Paragraph(t.get("report.communes.attention"), bold);
                attention.setSpacingBefore(8);
                attention.setSpacingAfter(4);
                document.add(attention);
                if (report.communes().isEmpty()) {
                    document.add(new Paragraph(t.get("report.communes.attention.none"), body));
                } else {
                    document.add(communeTable(report, t));
                }
                document.add(new Paragraph(report.unlisted(), body));
            } else {
                section(document, writer, t.get("report.communes"), TABLE_START);
                document.add(communeTable(report, t));
            }

            section(document, writer, t.get("report.alerts"), TABLE_START);
            if (report.alerts().isEmpty()) {
                document.add(new Paragraph(t.get("report.alerts.none"), body));
            } else {
                PdfPTable alerts = table(
                        new float[] {1.4f, 2.6f, 1.5f, 4, 4},
                        t.get("report.column.time"),
                        t.get("report.column.commune"),
                        t.get("report.column.severity"),
                        t.get("report.column.reason"),
                        t.get("report.column.handling"));
                for (DailyReport.AlertLine alert : report.alerts()) {
                    alerts.addCell(cell(alert.time(), body));
                    alerts.addCell(cell(alert.commune(), body));
                    PdfPCell severity = cell(alert.severityName(), bold);
                    severity.setBackgroundColor(colour(alert.severity()));
                    alerts.addCell(severity);
                    alerts.addCell(cell(alert.reason(), body));
                    alerts.addCell(cell(alert.handling(), body));
                }
                document.add(alerts);
            }

            section(document, writer, t.get("report.overdue"), TABLE_START);
            if (report.overdue().isEmpty()) {
                document.add(new Paragraph(t.get("report.overdue.none"), body));
            } else {
                Paragraph summary = new Paragraph(report.overdueSummary(), body);
                summary.setSpacingAfter(6);
                document.add(summary);
                PdfPTable overdue = table(
                        new float[] {2.6f, 2.6f, 1.8f, 2.4f, 1.5f, 1.2f},
                        t.get("report.column.case"),
                        t.get("report.column.commune"),
                        t.get("report.column.content"),
                        t.get("report.column.step"),
                        t.get("report.column.deadline"),
                        t.get("report.column.late"));
                for (DailyReport.CaseLine line : report.overdue()) {
                    overdue.addCell(cell(line.caseRef(), body));
                    overdue.addCell(cell(line.commune(), body));
                    overdue.addCell(cell(line.content(), body));
                    overdue.addCell(cell(line.step(), body));
                    overdue.addCell(cell(line.deadline(), body));
                    overdue.addCell(number(line.daysLate()));
                }
                document.add(overdue);
            }
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot write the report's PDF", e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    private void addCounterRow(PdfPTable table, String name, long day, long weekBefore) {
        table.addCell(cell(name, body));
        table.addCell(number(day));
        table.addCell(number(weekBefore));
        long change = day - weekBefore;
        table.addCell(number(change, change > 0 ? "+" : ""));
    }

    /**
     * A section's heading, on a new page unless the page has room below it for {@code keepBelow} points of what follows
     * (a table's first rows, the map): a heading is never left alone at the foot of a page.
     */
    private void section(Document document, PdfWriter writer, String text, float keepBelow) throws DocumentException {
        if (writer.getVerticalPosition(true) - document.bottom() < HEADING + keepBelow) {
            document.newPage();
        }
        Paragraph paragraph = new Paragraph(text, heading);
        paragraph.setSpacingBefore(10);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    /** Each row: its name, level (coloured), third column and counts; the third is wide for a reason. */
    private PdfPTable levelTable(
            List<? extends DailyReport.LevelRow> rows,
            String first,
            String third,
            float thirdWidth,
            DailyReport.Texts t) {
        List<String> headers = new ArrayList<>(List.of(first, t.get("report.column.level"), third));
        DailyReport.COMMUNE_COLUMNS.forEach(c -> headers.add(t.get("counter." + c.apiName())));
        float[] widths = new float[headers.size()];
        widths[0] = 3;
        widths[1] = 1.6f;
        widths[2] = thirdWidth;
        for (int i = 3; i < widths.length; i++) {
            widths[i] = 1.1f;
        }
        PdfPTable table = table(widths, headers.toArray(String[]::new));
        for (DailyReport.LevelRow row : rows) {
            table.addCell(cell(row.name(), body));
            PdfPCell level = cell(row.levelName(), bold);
            if (row.level() != null) {
                level.setBackgroundColor(colour(row.level()));
            }
            table.addCell(level);
            table.addCell(cell(row.note(), body));
            for (Counter counter : DailyReport.COMMUNE_COLUMNS) {
                table.addCell(number(row.counts().getOrDefault(counter, 0L)));
            }
        }
        return table;
    }

    private PdfPTable communeTable(DailyReport report, DailyReport.Texts t) {
        return levelTable(report.communes(), t.get("report.column.commune"), t.get("report.column.reason"), 4, t);
    }

    private PdfPTable unitTable(DailyReport report, DailyReport.Texts t) {
        return levelTable(report.units(), t.get("report.column.unit"), t.get("report.column.attention"), 1.6f, t);
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = cell(header, bold);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        return table;
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3);
        return cell;
    }

    private PdfPCell number(long value) {
        return number(value, "");
    }

    private PdfPCell number(long value, String sign) {
        PdfPCell cell = cell(sign + value, body);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PdfReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The report's font " + resource + " is missing from the application");
            }
            return BaseFont.createFont(
                    resource.substring(resource.lastIndexOf('/') + 1),
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot read the report's font " + resource, e);
        }
    }

    private static Color colour(HotspotLevel level) {
        return new Color(level.rgb());
    }

    /** The day's counters against the same day a week before, one row each. */
    private PdfPTable counterTable(DailyReport report, List<Counter> counters, DailyReport.Texts t) {
        PdfPTable table = table(
                new float[] {4, 1.4f, 1.4f, 1.4f},
                t.get("report.column.counter"),
                t.get("report.column.day"),
                t.get("report.column.week-before"),
                t.get("report.column.change"));
        for (Counter counter : counters) {
            addCounterRow(
                    table,
                    t.get("counter." + counter.apiName()),
                    report.today().getOrDefault(counter, 0L),
                    report.weekBefore().getOrDefault(counter, 0L));
        }
        return table;
    }
}
