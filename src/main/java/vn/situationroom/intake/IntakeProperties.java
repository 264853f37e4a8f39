package vn.situationroom.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of intake ({@code situationroom.intake.*}).
 *
 * @param personHashSalt the secret key of the person hash, at least 16 characters; when blank, one is generated once
 *     and kept in the data directory ({@code secrets/person-hash-salt}). Changing it makes every person new again.
 * @param maxRequestSize the largest body {@code POST /api/v1/events} takes
 * @param maxImportSize the largest CSV file the import takes
 * @param maxImportRows the most rows one CSV import takes
 * @param maxEventAge how old an event may be (by every channel, and on the topic): the analytics count a late event
 *     in its own windows up to this far back and keep their windows that long; an older one is refused
 */
@ConfigurationProperties("situationroom.intake")
public record IntakeProperties(
        String personHashSalt,
        DataSize maxRequestSize,
        DataSize maxImportSize,
        Integer maxImportRows,
        Duration maxEventAge) {

    public IntakeProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(32) : maxImportSize;
        maxImportRows = maxImportRows == null ? 100_000 : maxImportRows;
        maxEventAge = maxEventAge == null ? ReceptionEventReader.MAX_AGE : maxEventAge;
        if (maxEventAge.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "situationroom.intake.max-event-age must be at least a day, not " + maxEventAge);
        }
    }
}
