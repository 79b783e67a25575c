package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.segment.RfmCell;
import org.crmkit.core.segment.RfmQuery;
import org.crmkit.core.segment.RfmScore;
import org.crmkit.core.segment.RfmScores;

/**
 * The {@link RfmScores} of {@link JdbcCrmStore}, scored in SQL: one statement groups the counted
 * orders per customer, computes the whole days since each one's last order, and ranks the customers
 * with {@code RANK() OVER (ORDER BY …)} (ties share the rank of the first) and {@code COUNT(*) OVER
 * ()}, as {@link RfmScore} defines the scores; a page is a keyset range of it, the grid a {@code
 * GROUP BY} over it. Only the page or the 25 cells travel to Java. Thread-safe.
 */
final class JdbcRfmScores implements RfmScores {
    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    JdbcRfmScores(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
    }

    @Override
    public Page<RfmScore> scores(RfmQuery query, PageRequest page) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Sql sql = scored(new Sql().append("SELECT s.customer_id, s.days, s.n, s.monetary, s.r, s.f, s.m FROM "), query);
        after.ifPresent(id -> sql.append(" WHERE s.customer_id > ").value(id));
        sql.append(" ORDER BY s.customer_id LIMIT ").value(page.size() + 1);
        List<RfmScore> rows = tx.read("scoring customers by RFM", connection -> {
            List<RfmScore> scores = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    scores.add(new RfmScore(
                            new CustomerId(dialect.getUuid(result, "customer_id")),
                            result.getLong("days"),
                            result.getLong("n"),
                            Money.of(result.getBigDecimal("monetary"), query.currency()),
                            result.getInt("r"),
                            result.getInt("f"),
                            result.getInt("m")));
                }
            }
            return scores;
        });
        return IdCursor.page(rows, page.size(), s -> s.customer().value());
    }

    @Override
    public List<RfmCell> grid(RfmQuery query) {
        ValidationException.requireNonNull(query, "query");
        Sql sql = scored(new Sql().append("SELECT s.r, s.f, COUNT(*) AS customers FROM "), query)
                .append(" GROUP BY s.r, s.f ORDER BY s.r, s.f");
        return tx.read("counting the RFM grid", connection -> {
            List<RfmCell> cells = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    cells.add(new RfmCell(result.getInt("r"), result.getInt("f"), result.getLong("customers")));
                }
            }
            return cells;
        });
    }

    /** Appends the derived table {@code s} of every scored customer of {@code query}. */
    Sql scored(Sql sql, RfmQuery query) {
        sql.append("(SELECT d.customer_id, d.days, d.n, d.monetary, ")
                .append(score("d.days DESC"))
                .append(" AS r, ")
                .append(score("d.n"))
                .append(" AS f, ")
                .append(score("d.monetary"))
                .append(" AS m FROM (SELECT t.customer_id, t.n, t.monetary, ");
        dialect.appendWholeDays(sql, "t.last_at", query.asOf());
        sql.append(" AS days FROM (SELECT o.customer_id, MAX(o.ordered_at) AS last_at, COUNT(*) AS n,"
                        + " SUM(o.total_amount) AS monetary FROM crm_order o WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.currency = ")
                .value(query.currency().getCurrencyCode())
                .append(" AND o.ordered_at < ")
                .value(query.asOf());
        query.since().ifPresent(since -> sql.append(" AND o.ordered_at >= ").value(since));
        return sql.append(" GROUP BY o.customer_id) t) d) s");
    }

    /** The score of the rank in {@code order} (worst first): {@code 1 + 5 × (rank − 1) / n}. */
    private String score(String order) {
        return "(1 + " + dialect.integerQuotient("5 * (RANK() OVER (ORDER BY " + order + ") - 1)", "COUNT(*) OVER ()")
                + ")";
    }
}
