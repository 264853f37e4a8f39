package vn.situationroom.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The parts the history's queries share: a period of the country's days, a condition on a column, a stored time. */
final class Periods {

    static final String COMMUNES = " AND commune_code IN (:communes)";

    private Periods() {}

    /** The parameters of the days {@code from} to {@code to} and, when communes are given, the condition on them. */
    static Map<String, Object> of(
            LocalDate from, LocalDate to, ZoneId zone, List<String> communes, StringBuilder conditions) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", from.atStartOfDay(zone).toOffsetDateTime());
        params.put("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        if (!communes.isEmpty()) {
            conditions.append(COMMUNES);
            params.put("communes", communes);
        }
        return params;
    }

    /** Adds {@code AND column = :column} where a value is given. */
    static void condition(StringBuilder conditions, Map<String, Object> params, String column, Object value) {
        if (value != null) {
            conditions.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /**
     * One page of a listing: its total from {@code countSql}, its rows from {@code listSql} (which ends in
     * {@code LIMIT :limit OFFSET :offset}), both with the same parameters.
     */
    static <T> Page<T> page(
            JdbcClient jdbc,
            String countSql,
            String listSql,
            Map<String, Object> params,
            int page,
            int size,
            RowMapper<T> rows) {
        long total = jdbc.sql(countSql).params(params).query(Long.class).single();
        List<T> items = jdbc.sql(listSql)
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(rows)
                .list();
        return new Page<>(page, size, total, items);
    }

    /** A stored time, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null
                ? null
                : value.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}
