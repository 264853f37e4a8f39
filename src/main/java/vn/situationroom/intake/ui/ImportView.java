package vn.situationroom.intake.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import vn.situationroom.intake.CsvEvents;
import vn.situationroom.intake.CsvImport;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.intake.RowViolation;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;

/**
 * The CSV import: the analyst drops a file, every row is checked with a progress bar, the problems are listed by row
 * and column, and the file is imported whole, or, if the analyst chooses, its valid rows only.
 */
@RolesAllowed({Roles.OFFICE, Roles.RECEPTION_OFFICER})
@Route("import")
@Menu(title = "shell.menu.import", order = 5, icon = "vaadin:upload")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private final CsvImport csvImport;
    private final Labels labels = new Labels(this);
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Paragraph verdict = new Paragraph();
    private final Grid<RowViolation> problems = new Grid<>();
    private final Button importAll = new Button();
    private final Button importValid = new Button();
    private CsvImport.Checked checked;

    public ImportView(CsvImport csvImport, Region region) {
        this.csvImport = csvImport;
        String exampleCommune = region.communes().getFirst().code();
        addClassName("import-view");
        setPadding(true);

        H1 title = new H1(getTranslation("import.title"));
        HorizontalLayout header = new HorizontalLayout(
                title,
                new Anchor("intake", getTranslation("import.to-intake")),
                new Anchor("", getTranslation("intake.to-map")));
        header.addClassName("view-header");
        header.setAlignItems(Alignment.BASELINE);

        Paragraph help = new Paragraph(getTranslation("import.help", String.join(", ", CsvEvents.COLUMNS)));
        help.addClassName("import-help");
        Anchor template = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] file = template(exampleCommune);
                    return new DownloadResponse(
                            new ByteArrayInputStream(file), "reception-events.csv", "text/csv", file.length);
                }),
                getTranslation("import.template"));

        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> check(data)));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, csvImport.maxFileBytes()));
        upload.setDropAllowed(true);
        upload.setI18n(uploadTexts());

        progress.setVisible(false);
        progress.setWidth("480px");
        problems.addColumn(RowViolation::row)
                .setHeader(getTranslation("import.row"))
                .setAutoWidth(true);
        problems.addColumn(v -> labels.field(v.field()))
                .setHeader(getTranslation("import.column"))
                .setAutoWidth(true);
        problems.addColumn(labels::violation)
                .setHeader(getTranslation("import.problem"))
                .setFlexGrow(1);
        problems.setVisible(false);
        problems.setHeight("420px");

        importAll.setText(getTranslation("import.all"));
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.addClickListener(e -> submit(CsvImport.Mode.ALL_OR_NOTHING));
        importValid.setText(getTranslation("import.valid-only"));
        importValid.addClickListener(e -> submit(CsvImport.Mode.VALID_ROWS));
        importAll.setEnabled(false);
        importValid.setEnabled(false);
        importAll.setId("import-all");
        importValid.setId("import-valid");
        verdict.setId("verdict");
        problems.setId("problems");

        add(
                header,
                help,
                template,
                upload,
                progress,
                progressText,
                verdict,
                new HorizontalLayout(importAll, importValid),
                problems);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.page-title");
    }

    /** Runs on the upload's request thread, without the session lock; every change of the screen goes through access. */
    private void check(byte[] file) {
        UI ui = getUI().orElseThrow();
        ui.access(() -> {
            checked = null;
            progress.setVisible(true);
            progress.setValue(0);
            importAll.setEnabled(false);
            importValid.setEnabled(false);
            verdict.setText("");
            problems.setVisible(false);
        });
        double rows = estimateRows(file);
        CsvImport.Checked result = csvImport.check(
                file,
                done -> ui.access(() -> {
                    progress.setValue(Math.min(1.0, done / rows));
                    progressText.setText(getTranslation("import.checked-rows", done));
                }));
        ui.access(() -> show(result));
    }

    private void show(CsvImport.Checked result) {
        checked = result;
        progress.setValue(1);
        progressText.setText(getTranslation("import.checked-rows", result.rows()));
        if (!result.readable()) {
            verdict.setText(getTranslation("import.unreadable"));
        } else {
            verdict.setText(getTranslation(
                    "import.verdict", result.rows(), result.valid().size(), result.invalidRows()));
        }
        problems.setItems(result.problems());
        problems.setVisible(!result.problems().isEmpty());
        importAll.setEnabled(result.readable() && result.clean());
        importValid.setEnabled(
                result.readable() && !result.clean() && !result.valid().isEmpty());
    }

    private void submit(CsvImport.Mode mode) {
        if (checked == null) {
            return;
        }
        try {
            List<UUID> written = csvImport.submit(checked, mode);
            Notification.show(getTranslation("import.done", written.size()), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            verdict.setText(getTranslation("import.done", written.size()));
            importAll.setEnabled(false);
            importValid.setEnabled(false);
            checked = null;
        } catch (IntakeService.PublishFailedException e) {
            Notification.show(getTranslation("intake.not-stored"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The upload's own texts, which Vaadin has in English only. */
    private UploadI18N uploadTexts() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(getTranslation("upload.add"))
                        .setMany(getTranslation("upload.add")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(getTranslation("upload.drop"))
                        .setMany(getTranslation("upload.drop")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(getTranslation("upload.too-big"))
                        .setIncorrectFileType(getTranslation("upload.not-csv"))
                        .setTooManyFiles(getTranslation("upload.one-file")))
                .setFile(new UploadI18N.File()
                        .setRemove(getTranslation("upload.remove"))
                        .setRetry(getTranslation("upload.retry"))
                        .setStart(getTranslation("upload.start")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(getTranslation("upload.connecting"))
                                .setProcessing(getTranslation("upload.processing"))
                                .setStalled(getTranslation("upload.stalled"))
                                .setHeld(getTranslation("upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("upload.remaining"))
                                .setUnknown(""))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("upload.server-unavailable"))
                                .setUnexpectedServerError(getTranslation("upload.server-error"))
                                .setForbidden(getTranslation("upload.forbidden"))))
                .setUnits(List.of("B", "kB", "MB", "GB"));
    }

    /** Rows are about lines; a quick count of line breaks is enough for a progress bar. */
    private static long estimateRows(byte[] file) {
        long lines = 0;
        for (byte b : file) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(1, lines - 1);
    }

    /** A file with the header and one example row, to fill in a spreadsheet. */
    private static byte[] template(String communeCode) {
        String header = String.join(",", CsvEvents.COLUMNS);
        return (header + "\n" + CsvEvents.exampleRow(communeCode) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
