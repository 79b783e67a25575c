package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.report.ClosedSums;
import org.crmkit.core.report.ForecastSums;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.OpenStageSums;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.StageId;

/**
 * The {@link PipelineTotals} of {@link JdbcCrmStore}, summed in SQL over {@code crm_opportunity}:
 * one {@code GROUP BY} for the open ones per stage; one for those closed in a period, whose furthest
 * stage is the highest position (a {@code CASE} over the pipeline's stage ids, bound as parameters)
 * among the stages of their history; and for the forecast two per {@value
 * JdbcSalesSums#PERIODS_PER_STATEMENT} periods, the open ones bucketed by expected close date and
 * the won ones by close time, as {@link JdbcSalesSums} buckets orders. Amounts are summed exactly as
 * {@code NUMERIC}. Thread-safe.
 */
final class JdbcPipelineTotals implements PipelineTotals {
    private static final String OPEN = OpportunityStatus.OPEN.name();
    private static final String WON = OpportunityStatus.WON.name();
    private static final String LOST = OpportunityStatus.LOST.name();
    /** The probability an open opportunity has of its own: set by hand, else predicted, else NULL. */
    private static final String OWN = "COALESCE(o.probability_override, o.predicted_probability)";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    JdbcPipelineTotals(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
    }

    @Override
    public List<OpenStageSums> open(PipelineId pipeline, Optional<StaffId> owner) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(owner, "owner");
        Sql sql = new Sql()
                .append("SELECT o.stage_id, o.currency, COUNT(*) AS n, SUM(o.amount) AS amount"
                        + " FROM crm_opportunity o WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.status = ")
                .value(OPEN)
                .append(" AND o.pipeline_id = ")
                .value(pipeline.value());
        owner.ifPresent(o -> sql.append(" AND o.owner_id = ").value(o.value()));
        sql.append(" GROUP BY o.stage_id, o.currency");
        return tx.read("summing the open opportunities of pipeline " + pipeline, connection -> {
            List<OpenStageSums> sums = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sums.add(new OpenStageSums(
                            new StageId(dialect.getUuid(rows, "stage_id")),
                            Money.currency(rows.getString("currency")),
                            rows.getLong("n"),
                            rows.getBigDecimal("amount")));
                }
            }
            sums.sort(OPEN_ORDER);
            return sums;
        });
    }

    @Override
    public List<ClosedSums> closed(Pipeline pipeline, Instant from, Instant to, Optional<StaffId> owner) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(owner, "owner");
        Sql sql = new Sql()
                .append("SELECT t.status, t.furthest, t.currency, COUNT(*) AS n, SUM(t.amount) AS amount,"
                        + " SUM(t.cycle) AS cycle FROM (SELECT o.status, o.currency, o.amount, ");
        sql.append(dialect.wholeSecondsBetween("o.created_at", "o.closed_at"))
                .append(" AS cycle, (SELECT MAX(CASE h.stage_id");
        for (int i = 0; i < pipeline.stages().size(); i++) {
            sql.append(" WHEN ").value(pipeline.stages().get(i).id().value()).append(" THEN " + i);
        }
        sql.append(" ELSE -1 END) FROM crm_opportunity_stage_change h"
                        + " WHERE h.tenant_id = o.tenant_id AND h.opportunity_id = o.id) AS furthest"
                        + " FROM crm_opportunity o WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.status IN (")
                .value(WON)
                .append(", ")
                .value(LOST)
                .append(") AND o.closed_at >= ")
                .value(from)
                .append(" AND o.closed_at < ")
                .value(to)
                .append(" AND o.pipeline_id = ")
                .value(pipeline.id().value());
        owner.ifPresent(o -> sql.append(" AND o.owner_id = ").value(o.value()));
        sql.append(") t GROUP BY t.status, t.furthest, t.currency");
        return tx.read("summing the closed opportunities of pipeline " + pipeline.id(), connection -> {
            List<ClosedSums> sums = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sums.add(new ClosedSums(
                            OpportunityStatus.valueOf(rows.getString("status")),
                            rows.getInt("furthest"),
                            Money.currency(rows.getString("currency")),
                            rows.getLong("n"),
                            rows.getBigDecimal("amount"),
                            rows.getBigDecimal("cycle").longValueExact()));
                }
            }
            sums.sort(CLOSED_ORDER);
            return sums;
        });
    }

    @Override
    public List<ForecastSums> forecast(ReportPeriod period, Granularity granularity) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(granularity, "granularity");
        List<LocalDate> days = period.dayBoundaries(granularity);
        List<Instant> instants = period.boundaries(granularity);
        return tx.read("summing the weighted pipeline from " + period.from() + " to " + period.to(), connection -> {
            dialect.planForActualValues(connection);
            List<ForecastSums> sums = new ArrayList<>();
            for (int from = 0; from < days.size() - 1; from += JdbcSalesSums.PERIODS_PER_STATEMENT) {
                int to = Math.min(days.size() - 1, from + JdbcSalesSums.PERIODS_PER_STATEMENT);
                read(connection, forecastSql(true, days, from, to), sums);
                read(connection, forecastSql(false, instants, from, to), sums);
            }
            sums.sort(FORECAST_ORDER);
            return sums;
        });
    }

    /**
     * The statement that sums periods {@code from} (inclusive) to {@code to} (exclusive): of the
     * open opportunities by expected close date among {@code bounds} (dates) when {@code open}, else
     * of the won ones by close time among {@code bounds} (instants).
     */
    private Sql forecastSql(boolean open, List<?> bounds, int from, int to) {
        String column = open ? "o.expected_close" : "o.closed_at";
        Sql sql = new Sql()
                .append("SELECT t.bucket, t.owner_id, t.category, t.stage_id, t.currency, COUNT(*) AS n,"
                        + " SUM(t.amount) AS amount, SUM(t.own) AS own, SUM(t.at_stage) AS at_stage FROM (SELECT ");
        JdbcSalesSums.bucket(sql, dialect, column, bounds, from, to);
        sql.append(" AS bucket, o.owner_id, o.forecast_category AS category, o.stage_id, o.currency, o.amount, ");
        sql.append(
                open
                        ? "CASE WHEN " + OWN + " IS NULL THEN 0 ELSE o.amount * " + OWN + " END AS own," + " CASE WHEN "
                                + OWN + " IS NULL THEN o.amount ELSE 0 END AS at_stage"
                        : "o.amount * 100 AS own, 0 AS at_stage");
        sql.append(" FROM crm_opportunity o WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.status = ")
                .value(open ? OPEN : WON)
                .append(" AND " + column + " >= ")
                .value(bounds.get(from))
                .append(" AND " + column + " < ")
                .value(bounds.get(to))
                .append(") t GROUP BY t.bucket, t.owner_id, t.category, t.stage_id, t.currency");
        return sql;
    }

    private void read(Connection connection, Sql sql, List<ForecastSums> sums) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sums.add(new ForecastSums(
                        rows.getInt("bucket"),
                        StaffId.of(rows.getString("owner_id")),
                        ForecastCategory.valueOf(rows.getString("category")),
                        new StageId(dialect.getUuid(rows, "stage_id")),
                        Money.currency(rows.getString("currency")),
                        rows.getLong("n"),
                        rows.getBigDecimal("amount"),
                        decimal(rows.getBigDecimal("own")),
                        decimal(rows.getBigDecimal("at_stage"))));
            }
        }
    }

    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
