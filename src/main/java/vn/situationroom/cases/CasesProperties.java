package vn.situationroom.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cases' legal clock ({@code situationroom.cases.*}).
 *
 * @param acceptDays the days to accept or refuse a case after receiving it
 * @param dueSoonDays a deadline this many days away or fewer is due soon
 * @param holidays the public holidays and the days off the government moves around them; lunar ones (Tết, the Hùng
 *     Kings' day) change every year and must be listed each year
 * @param remoteCommunes the communes in remote areas, where a complaint's terms are 45 and 60 days
 * @param departments the district's departments that handle cases, besides each commune's People's Committee
 */
@ConfigurationProperties("situationroom.cases")
public record CasesProperties(
        @DefaultValue("10") int acceptDays,
        @DefaultValue("3") int dueSoonDays,

        @DefaultValue({
            "2026-01-01",
            "2026-04-30",
            "2026-05-01",
            "2026-09-02",
            "2027-01-01",
            "2027-04-30",
            "2027-05-01",
            "2027-09-02"
        })
        List<LocalDate> holidays,

        @DefaultValue({}) Set<String> remoteCommunes,
        @DefaultValue({}) List<String> departments) {

    /** The clock these settings give. */
    public LegalClock clock() {
        return new LegalClock(new WorkingDays(Set.copyOf(holidays)), acceptDays, dueSoonDays);
    }
}
