package vn.situationroom.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.TestAccounts;
import vn.situationroom.TestClock;
import vn.situationroom.TestCommunes;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.ui.BrowserTest;
import vn.situationroom.ui.HeadlessChromium;

/** The officer's form and the CSV import in Chromium: used with the keyboard and a file, checked in the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class IntakeBrowserIT {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;

    @Autowired
    private UserAccounts accounts;

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium(WIDTH, HEIGHT);

    @LocalServerPort
    int port;

    @Autowired
    Region region;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_officer_records_a_crowd_with_the_keyboard_alone() throws Exception {
        Commune commune = freshWithUniqueName();
        open("/intake");
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
        wait.until(d ->
                d.findElement(By.cssSelector("#type input")).equals(d.switchTo().activeElement()));

        choose("type", "Lượt tiếp");
        new Actions(chromium.driver()).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).perform();
        choose("communeCode", commune.name());
        new Actions(chromium.driver())
                .sendKeys(Keys.TAB, Keys.TAB)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys("12", Keys.TAB)
                .perform();
        choose("content", "Khiếu nại");
        new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
        choose("field", "Đất đai");
        input("caseRef").sendKeys("KN-TEST-" + commune.code());
        chromium.screenshot("intake-form-filled.png");
        new Actions(chromium.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();

        wait.until(d -> d.findElement(By.id("recent")).getText().contains(commune.fullName()));
        chromium.screenshot("intake-form-recorded.png");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT type, headcount, content, field, reception_point FROM reception_event
                WHERE case_ref = ?""")
                                .param("KN-TEST-" + commune.code())
                                .query()
                                .singleRow())
                        .containsAllEntriesOf(Map.of(
                                "type",
                                "VISIT",
                                "headcount",
                                12,
                                "content",
                                "COMPLAINT",
                                "field",
                                "LAND",
                                "reception_point",
                                "DISTRICT_OFFICE")));
        assertThat(chromium.driver().findElement(By.cssSelector("#type input")))
                .as("the cursor is back on the first field for the next citizen")
                .isEqualTo(chromium.driver().switchTo().activeElement());
    }

    @Test
    void a_form_with_missing_fields_says_which_in_vietnamese_and_records_nothing() throws Exception {
        open("/intake");
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("record")).isEmpty());
        long before = jdbc.sql("SELECT count(*) FROM reception_event")
                .query(Long.class)
                .single();

        chromium.driver().findElement(By.id("record")).click();

        WebElement type = chromium.driver().findElement(By.id("type"));
        wait.until(d -> type.getDomAttribute("invalid") != null);
        assertThat(type.getDomProperty("errorMessage")).isEqualTo("Bắt buộc nhập.");
        assertThat(chromium.driver().findElement(By.id("communeCode")).getDomAttribute("invalid"))
                .isNotNull();
        chromium.screenshot("intake-form-errors.png");
        Thread.sleep(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM reception_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void an_analyst_imports_the_valid_rows_of_a_file_after_seeing_the_bad_one() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .minusHours(1)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String code = TestCommunes.fresh(region).code();
        Path file = Files.createTempFile("events-", ".csv");
        Files.writeString(
                file,
                """
                eventId,occurredAt,communeCode,receptionPoint,type,content,field,headcount
                %s,%s,%s,COMMUNE_OFFICE,PETITION,DENUNCIATION,OFFICIAL_MISCONDUCT,1
                %s,%s,%s,COMMUNE_OFFICE,VISIT,COMPLAINT,NOT_A_FIELD,3
                %s,%s,%s,COMMUNE_OFFICE,VISIT,COMPLAINT,LAND,3
                """.formatted(first, at, code, UUID.randomUUID(), at, code, second, at, code),
                StandardCharsets.UTF_8);
        open("/import");
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
        WebElement upload = wait.until(d -> d.findElement(By.cssSelector("vaadin-upload")));

        upload.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());

        wait.until(d -> d.findElement(By.id("verdict")).getText().startsWith("3 dòng"));
        assertThat(chromium.driver().findElement(By.id("verdict")).getText())
                .isEqualTo("3 dòng: 2 hợp lệ, 1 dòng có lỗi.");
        assertThat(chromium.driver().findElement(By.id("problems")).getText())
                .contains("3", "Lĩnh vực", "Không phải giá trị trong danh mục.");
        assertThat(chromium.driver().findElement(By.id("import-all")).getDomAttribute("disabled"))
                .isNotNull();
        chromium.screenshot("import-problems.png");

        chromium.driver().findElement(By.id("import-valid")).click();

        wait.until(d -> d.findElement(By.id("verdict")).getText().equals("Đã nhập 2 sự việc."));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT count(*) FROM reception_event WHERE event_id::text IN (?, ?)")
                                        .params(first, second)
                                        .query(Long.class)
                                        .single())
                                .isEqualTo(2L));
        Files.delete(file);
    }

    /** A fresh commune whose name no other commune of the region has, so that typing it picks it. */
    private Commune freshWithUniqueName() {
        while (true) {
            Commune commune = TestCommunes.fresh(region);
            if (region.communes().stream()
                            .filter(c -> c.fullName().contains(commune.name()))
                            .count()
                    == 1) {
                return commune;
            }
        }
    }

    private void open(String path) {
        BrowserTest.signIn(chromium.driver(), port, TestAccounts.user(accounts, null, Roles.OFFICE));
        chromium.driver().get("http://localhost:" + port + path);
    }

    /**
     * Types into the focused combo box and takes the first match with Arrow Down and Enter, as an officer does, once
     * the list has opened with its matches.
     */
    private void choose(String id, String text) {
        WebElement box = chromium.driver().findElement(By.id(id));
        assertThat(box.findElement(By.cssSelector("input")))
                .as(id + " has the focus")
                .isEqualTo(chromium.driver().switchTo().activeElement());
        new Actions(chromium.driver()).sendKeys(text).perform();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10))
                .until(d -> box.getDomAttribute("opened") != null && box.getDomAttribute("loading") == null);
        new Actions(chromium.driver())
                .pause(Duration.ofMillis(200))
                .sendKeys(Keys.ARROW_DOWN, Keys.ENTER)
                .perform();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10))
                .until(d -> box.getDomProperty("value") != null
                        && !box.getDomProperty("value").isEmpty());
    }

    private WebElement input(String id) {
        return chromium.driver().findElement(By.cssSelector("#" + id + " input"));
    }
}
