package vn.situationroom.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;

/**
 * The agency that handles each case, as the district office assigns it: one of the district's departments (from
 * {@code situationroom.cases.departments}) or a commune's People's Committee, which resolves the case at the source.
 */
@Service
public class CaseAgencies {

    /** The prefix of a commune's People's Committee among the agencies' ids. */
    static final String COMMUNE_PREFIX = "commune:";

    /**
     * An agency that can handle cases.
     *
     * @param id how it is stored: the department's name, or {@code commune:<code>}
     * @param name the department's name, or the commune's full name
     * @param commune whether it is a commune's People's Committee
     */
    public record Agency(String id, String name, boolean commune) {}

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CasesProperties settings;
    private final Region region;
    private final AuditLog audit;

    CaseAgencies(JdbcClient jdbc, Cases cases, CasesProperties settings, Region region, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.settings = settings;
        this.region = region;
        this.audit = audit;
    }

    /** Every agency a case can be given to: the departments, then the communes. */
    public List<Agency> all() {
        List<Agency> agencies = new ArrayList<>();
        settings.departments().stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .forEach(name -> agencies.add(new Agency(name, name, false)));
        for (Commune commune : region.communes()) {
            agencies.add(new Agency(COMMUNE_PREFIX + commune.code(), commune.fullName(), true));
        }
        return agencies;
    }

    /** The agency with this id, if it is one. */
    public Optional<Agency> find(String id) {
        return id == null
                ? Optional.empty()
                : all().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Gives a case to an agency (the district office does this); a later assignment replaces it.
     *
     * @throws IllegalArgumentException naming the field, for an unknown agency or a case without events
     */
    public void assign(String caseRef, String agencyId) {
        if (!Viewer.current().hasAny(Roles.OFFICE)) {
            throw new AccessDeniedException("Only the district office gives cases to agencies");
        }
        Agency agency = find(agencyId)
                .orElseThrow(() -> new IllegalArgumentException("agency: no department or commune " + agencyId));
        if (!cases.exists(caseRef)) {
            throw new IllegalArgumentException("caseRef: no event has case " + caseRef);
        }
        jdbc.sql("""
                INSERT INTO case_agency (case_ref, agency, assigned_by) VALUES (:ref, :agency, :by)
                ON CONFLICT (case_ref) DO UPDATE SET agency = :agency, assigned_by = :by, assigned_at = now()""")
                .param("ref", caseRef)
                .param("agency", agency.id())
                .param("by", Viewer.current().name())
                .update();
        audit.record(AuditLog.Action.CASE_ASSIGNED, caseRef, "agency: " + agency.name());
    }
}
