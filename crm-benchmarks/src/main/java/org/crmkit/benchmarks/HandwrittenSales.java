package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sales figures of {@link SalesBenchmark} as an engineer would compute them by hand against the
 * JDBC store's tables on PostgreSQL, in two ways each, mapped to plain Java records (no CRMKit
 * class), so that the benchmark can set the store's time against them:
 *
 * <ul>
 *   <li>in SQL: one {@code GROUP BY} statement that returns the figures;
 *   <li>in Java: one statement that returns the rows the figures are made of, streamed with a fetch
 *       size, and grouped and summed in a {@code HashMap}.
 * </ul>
 *
 * The figures:
 *
 * <ul>
 *   <li>Revenue per owner and month ({@link #revenueByOwner}, {@link #revenueByOwnerInJava}): the
 *       orders placed from {@code from} to {@code to} (exclusive, UTC), joined to their customer for
 *       its current owner, per month (UTC), owner and currency: revenue (sum of the totals), order
 *       count, known cost and the revenue of the orders with a known cost, as {@code
 *       SalesAnalysis.figures} with {@code SalesDimension.OWNER} gives them.
 *   <li>Weighted forecast per month ({@link #weightedForecast}, {@link #weightedForecastInJava}):
 *       the open opportunities expected to close from {@code from} to {@code to} (exclusive) per
 *       month of their expected close, weighted by {@code amount × p / 100} with {@code p} the
 *       probability set by hand, else the predicted one, else the stage's default; and the won ones
 *       closed in that time (UTC) per month of their close, at {@code p = 100}; lost ones not at all.
 *       Per month, opportunity owner, forecast category and currency: count, amount and weighted
 *       amount, summed exactly and rounded half-even to the currency's minor unit once per figure.
 * </ul>
 *
 * Every amount is scaled to its currency's minor unit; a customer without an owner gives the owner
 * {@code ""}, as the store's figures do. {@code from} and {@code to} must be first days of months.
 * Immutable and thread-safe; the connection is the caller's.
 */
final class HandwrittenSales {
    private static final int FETCH = 10_000;

    private static final String ORDERS_OF_PERIOD = " FROM crm_order o"
            + " LEFT JOIN crm_customer c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id"
            + " WHERE o.tenant_id = ? AND o.ordered_at >= ? AND o.ordered_at < ?";
    private static final String REVENUE_BY_OWNER = "SELECT"
            + " CAST(date_trunc('month', o.ordered_at AT TIME ZONE 'UTC') AS date) AS month, c.owner_id, o.currency,"
            + " SUM(o.total_amount) AS revenue, COUNT(*) AS orders, SUM(o.cost_amount) AS cost,"
            + " SUM(CASE WHEN o.cost_amount IS NOT NULL THEN o.total_amount END) AS costed"
            + ORDERS_OF_PERIOD
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    private static final String ORDER_ROWS =
            "SELECT o.ordered_at, c.owner_id, o.currency, o.total_amount, o.cost_amount" + ORDERS_OF_PERIOD;

    private static final String WEIGHTED_FORECAST = "SELECT f.month, f.owner_id, f.forecast_category, f.currency,"
            + " COUNT(*) AS n, SUM(f.amount) AS amount, SUM(f.amount * f.p) AS weighted_percent FROM ("
            + " SELECT CAST(date_trunc('month', CAST(o.expected_close AS timestamp)) AS date) AS month, o.owner_id,"
            + " o.forecast_category, o.currency, o.amount,"
            + " COALESCE(o.probability_override, o.predicted_probability, s.probability) AS p"
            + " FROM crm_opportunity o JOIN crm_pipeline_stage s"
            + " ON s.tenant_id = o.tenant_id AND s.pipeline_id = o.pipeline_id AND s.stage_id = o.stage_id"
            + " WHERE o.tenant_id = ? AND o.status = 'OPEN' AND o.expected_close >= ? AND o.expected_close < ?"
            + " UNION ALL"
            + " SELECT CAST(date_trunc('month', o.closed_at AT TIME ZONE 'UTC') AS date), o.owner_id,"
            + " o.forecast_category, o.currency, o.amount, 100"
            + " FROM crm_opportunity o"
            + " WHERE o.tenant_id = ? AND o.status = 'WON' AND o.closed_at >= ? AND o.closed_at < ?"
            + ") f GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
    private static final String STAGE_PROBABILITIES =
            "SELECT stage_id, probability FROM crm_pipeline_stage WHERE tenant_id = ?";
    private static final String OPPORTUNITY_ROWS = "SELECT o.owner_id, o.stage_id, o.status, o.amount, o.currency,"
            + " o.expected_close, o.closed_at, o.probability_override, o.predicted_probability, o.forecast_category"
            + " FROM crm_opportunity o WHERE o.tenant_id = ?"
            + " AND (o.status = 'OPEN' AND o.expected_close >= ? AND o.expected_close < ?"
            + " OR o.status = 'WON' AND o.closed_at >= ? AND o.closed_at < ?)";

    private static final Comparator<RevenueRow> REVENUE_ORDER = Comparator.comparing(RevenueRow::periodStart)
            .thenComparing(RevenueRow::owner)
            .thenComparing(RevenueRow::currency);
    private static final Comparator<ForecastRow> FORECAST_ORDER = Comparator.comparing(ForecastRow::periodStart)
            .thenComparing(ForecastRow::owner)
            .thenComparing(ForecastRow::category)
            .thenComparing(ForecastRow::currency);

    private HandwrittenSales() {}

    /**
     * The sales of one owner's customers in one month, in one currency.
     *
     * @param periodStart the first day of the month
     * @param owner the customers' current owner; {@code ""} for none
     * @param currency the ISO 4217 code
     * @param revenue the sum of the order totals
     * @param orders how many orders
     * @param cost the sum of the known costs
     * @param costedRevenue the revenue of the orders whose cost is known
     */
    record RevenueRow(
            LocalDate periodStart,
            String owner,
            String currency,
            BigDecimal revenue,
            long orders,
            BigDecimal cost,
            BigDecimal costedRevenue) {}

    /**
     * The forecast of one owner's opportunities of one category in one month, in one currency.
     *
     * @param periodStart the first day of the month
     * @param owner the opportunities' owner
     * @param category the forecast category
     * @param currency the ISO 4217 code
     * @param count how many opportunities
     * @param amount the sum of their amounts
     * @param weighted the sum of amount × probability / 100, rounded half-even once
     */
    record ForecastRow(
            LocalDate periodStart,
            String owner,
            String category,
            String currency,
            long count,
            BigDecimal amount,
            BigDecimal weighted) {}

    /** Revenue per owner and month, summed by one {@code GROUP BY} statement. */
    static List<RevenueRow> revenueByOwner(Connection c, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        List<RevenueRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(REVENUE_BY_OWNER)) {
            bindPeriod(s, tenant, from, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String currency = r.getString(3).trim();
                    rows.add(new RevenueRow(
                            r.getObject(1, LocalDate.class),
                            owner(r.getString(2)),
                            currency,
                            money(r.getBigDecimal(4), currency),
                            r.getLong(5),
                            money(r.getBigDecimal(6), currency),
                            money(r.getBigDecimal(7), currency)));
                }
            }
        }
        return rows;
    }

    /** Revenue per owner and month, summed in Java from the period's order rows. */
    static List<RevenueRow> revenueByOwnerInJava(Connection c, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        record Key(LocalDate month, String owner, String currency) {}
        final class Sums {
            BigDecimal revenue = BigDecimal.ZERO;
            long orders;
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal costed = BigDecimal.ZERO;
        }
        Map<Key, Sums> sums = new HashMap<>();
        streaming(c, ORDER_ROWS, s -> bindPeriod(s, tenant, from, to), r -> {
            OffsetDateTime at = r.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            Key key = new Key(
                    LocalDate.of(at.getYear(), at.getMonthValue(), 1),
                    owner(r.getString(2)),
                    r.getString(3).trim());
            Sums sum = sums.computeIfAbsent(key, k -> new Sums());
            BigDecimal total = r.getBigDecimal(4);
            BigDecimal cost = r.getBigDecimal(5);
            sum.revenue = sum.revenue.add(total);
            sum.orders++;
            if (cost != null) {
                sum.cost = sum.cost.add(cost);
                sum.costed = sum.costed.add(total);
            }
        });
        List<RevenueRow> rows = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> rows.add(new RevenueRow(
                k.month(),
                k.owner(),
                k.currency(),
                money(s.revenue, k.currency()),
                s.orders,
                money(s.cost, k.currency()),
                money(s.costed, k.currency()))));
        rows.sort(REVENUE_ORDER);
        return rows;
    }

    /** The weighted forecast per month, summed by one {@code GROUP BY} over a {@code UNION ALL}. */
    static List<ForecastRow> weightedForecast(Connection c, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        List<ForecastRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(WEIGHTED_FORECAST)) {
            s.setString(1, tenant);
            s.setObject(2, from);
            s.setObject(3, to);
            bindPeriod(s, 4, tenant, from, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String currency = r.getString(4).trim();
                    rows.add(new ForecastRow(
                            r.getObject(1, LocalDate.class),
                            r.getString(2),
                            r.getString(3),
                            currency,
                            r.getLong(5),
                            money(r.getBigDecimal(6), currency),
                            money(r.getBigDecimal(7).movePointLeft(2), currency)));
                }
            }
        }
        return rows;
    }

    /**
     * The weighted forecast per month, computed in Java from the candidate opportunity rows and the
     * stages' default probabilities.
     */
    static List<ForecastRow> weightedForecastInJava(Connection c, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        Map<UUID, Integer> stageProbability = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(STAGE_PROBABILITIES)) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stageProbability.put(r.getObject(1, UUID.class), r.getInt(2)); // stage ids are unique UUIDs
                }
            }
        }
        record Key(LocalDate month, String owner, String category, String currency) {}
        final class Sums {
            long count;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weightedPercent = BigDecimal.ZERO;
        }
        Map<Key, Sums> sums = new HashMap<>();
        streaming(
                c,
                OPPORTUNITY_ROWS,
                s -> {
                    s.setString(1, tenant);
                    s.setObject(2, from);
                    s.setObject(3, to);
                    s.setObject(4, start(from));
                    s.setObject(5, start(to));
                },
                r -> {
                    boolean open = r.getString(3).equals("OPEN");
                    LocalDate month;
                    int p;
                    if (open) {
                        month = r.getObject(6, LocalDate.class).withDayOfMonth(1);
                        int override = r.getInt(8);
                        boolean hasOverride = !r.wasNull();
                        int predicted = r.getInt(9);
                        boolean hasPrediction = !r.wasNull();
                        p = hasOverride
                                ? override
                                : hasPrediction ? predicted : stageProbability.get(r.getObject(2, UUID.class));
                    } else {
                        OffsetDateTime at = r.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                        month = LocalDate.of(at.getYear(), at.getMonthValue(), 1);
                        p = 100;
                    }
                    Key key = new Key(
                            month,
                            r.getString(1),
                            r.getString(10),
                            r.getString(5).trim());
                    Sums sum = sums.computeIfAbsent(key, k -> new Sums());
                    BigDecimal amount = r.getBigDecimal(4);
                    sum.count++;
                    sum.amount = sum.amount.add(amount);
                    sum.weightedPercent = sum.weightedPercent.add(amount.multiply(BigDecimal.valueOf(p)));
                });
        List<ForecastRow> rows = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> rows.add(new ForecastRow(
                k.month(),
                k.owner(),
                k.category(),
                k.currency(),
                s.count,
                money(s.amount, k.currency()),
                money(s.weightedPercent.movePointLeft(2), k.currency()))));
        rows.sort(FORECAST_ORDER);
        return rows;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Takes one row. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} streaming its rows with a fetch size, which needs a transaction in PostgreSQL's driver. */
    private static void streaming(Connection c, String sql, Binder binder, RowReader reader) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void bindPeriod(PreparedStatement s, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        bindPeriod(s, 1, tenant, from, to);
    }

    private static void bindPeriod(PreparedStatement s, int first, String tenant, LocalDate from, LocalDate to)
            throws SQLException {
        s.setString(first, tenant);
        s.setObject(first + 1, start(from));
        s.setObject(first + 2, start(to));
    }

    /** Midnight of {@code day} in UTC. */
    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String owner(String owner) {
        return owner == null ? "" : owner;
    }

    /** {@code amount} (null for none) in {@code currency}'s minor unit, rounded half-even. */
    private static BigDecimal money(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return (amount == null ? BigDecimal.ZERO : amount).setScale(digits < 0 ? 4 : digits, RoundingMode.HALF_EVEN);
    }
}
