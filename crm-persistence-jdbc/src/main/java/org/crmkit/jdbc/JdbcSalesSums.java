package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CustomerPurchases;
import org.crmkit.core.sales.CustomerRevenue;
import org.crmkit.core.sales.OrderGrouping;
import org.crmkit.core.sales.OrderSums;
import org.crmkit.core.sales.OrderSumsQuery;

/**
 * The sales analysis of {@link JdbcOrderRepository}, pushed down to SQL: one aggregate statement per
 * {@value #PERIODS_PER_STATEMENT} periods for the sums, one {@code GROUP BY … ORDER BY … LIMIT} for
 * the top customers and for each page of purchases.
 *
 * <p>An order's period is computed in the database from the boundaries, bound as parameters: on
 * PostgreSQL by {@code width_bucket} over a {@code timestamptz[]} cast once per statement (a binary
 * search per row), planned for the statement's values, on H2 and MariaDB by a {@code CASE WHEN
 * o.ordered_at < ? THEN …} chain; both give period {@code i} to the orders from boundary {@code i}
 * (inclusive) to boundary {@code i + 1} (exclusive), as {@link OrderSumsQuery#periodOf} does. The
 * rows are bucketed in a derived table and grouped outside it, so that no database has to match a
 * parameterised expression in {@code GROUP BY}. The owner comes from a join to {@code
 * crm_customer}; products from {@code crm_order_line.line_total}. Amounts are summed exactly as
 * {@code NUMERIC}. Thread-safe.
 */
final class JdbcSalesSums {
    /** How many periods one statement buckets at most. */
    static final int PERIODS_PER_STATEMENT = 200;

    private static final Comparator<OrderSums> ORDER = Comparator.comparingInt(OrderSums::period)
            .thenComparing(OrderSums::key)
            .thenComparing(s -> s.currency().getCurrencyCode());

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    JdbcSalesSums(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
    }

    List<OrderSums> sums(OrderSumsQuery query) {
        return tx.read("summing orders: " + query, connection -> {
            dialect.planForActualValues(connection);
            List<OrderSums> sums = new ArrayList<>();
            for (int from = 0; from < query.periods(); from += PERIODS_PER_STATEMENT) {
                int to = Math.min(query.periods(), from + PERIODS_PER_STATEMENT);
                read(connection, sumsSql(query, from, to), query.grouping(), sums);
            }
            sums.sort(ORDER);
            return sums;
        });
    }

    List<CustomerRevenue> topCustomers(Instant from, Instant to, Currency currency, int limit) {
        Sql sql = new Sql()
                .append("SELECT o.customer_id, SUM(o.total_amount) AS revenue, COUNT(*) AS orders FROM crm_order o"
                        + " WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.ordered_at >= ")
                .value(from)
                .append(" AND o.ordered_at < ")
                .value(to)
                .append(" AND o.currency = ")
                .value(currency.getCurrencyCode())
                .append(" GROUP BY o.customer_id ORDER BY SUM(o.total_amount) DESC, o.customer_id LIMIT ")
                .value(limit);
        return tx.read("reading the top customers", connection -> {
            List<CustomerRevenue> top = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    top.add(new CustomerRevenue(
                            new CustomerId(dialect.getUuid(rows, "customer_id")),
                            Money.of(rows.getBigDecimal("revenue"), currency),
                            rows.getLong("orders")));
                }
            }
            return top;
        });
    }

    Page<CustomerPurchases> purchases(Instant from, Instant to, PageRequest page) {
        Optional<UUID> after = IdCursor.start(page);
        Sql sql = new Sql()
                .append("SELECT o.customer_id, COUNT(*) AS orders, MIN(o.ordered_at) AS first_at,"
                        + " MAX(o.ordered_at) AS last_at FROM crm_order o WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.ordered_at >= ")
                .value(from)
                .append(" AND o.ordered_at < ")
                .value(to);
        after.ifPresent(id -> sql.append(" AND o.customer_id > ").value(id));
        sql.append(" GROUP BY o.customer_id ORDER BY o.customer_id LIMIT ").value(page.size() + 1);
        List<CustomerPurchases> found = tx.read("reading purchases per customer", connection -> {
            List<CustomerPurchases> rows = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new CustomerPurchases(
                            new CustomerId(dialect.getUuid(result, "customer_id")),
                            result.getLong("orders"),
                            dialect.getInstant(result, "first_at"),
                            dialect.getInstant(result, "last_at")));
                }
            }
            return rows;
        });
        return IdCursor.page(found, page.size(), p -> p.customer().value());
    }

    /** The statement that sums periods {@code from} (inclusive) to {@code to} (exclusive). */
    private Sql sumsSql(OrderSumsQuery query, int from, int to) {
        OrderGrouping grouping = query.grouping();
        boolean byProduct = grouping == OrderGrouping.PRODUCT;
        boolean joinCustomer = grouping == OrderGrouping.OWNER || query.owner().isPresent();
        List<Instant> b = query.boundaries();
        Sql sql = new Sql().append("SELECT t.bucket, t.currency, SUM(t.revenue) AS revenue, ");
        sql.append(
                byProduct
                        ? "COUNT(DISTINCT t.oid) AS orders"
                        : "COUNT(*) AS orders, SUM(t.cost) AS cost," + " SUM(t.costed) AS costed");
        sql.append(grouping == OrderGrouping.TOTAL ? "" : ", t.k");
        sql.append(" FROM (SELECT ");
        bucket(sql, dialect, "o.ordered_at", b, from, to);
        sql.append(" AS bucket, o.currency AS currency, o.id AS oid");
        if (byProduct) {
            sql.append(", l.line_total AS revenue");
        } else {
            sql.append(", o.total_amount AS revenue, o.cost_amount AS cost,"
                    + " CASE WHEN o.cost_amount IS NULL THEN NULL ELSE o.total_amount END AS costed");
        }
        switch (grouping) {
            case TOTAL -> {}
            case CUSTOMER -> sql.append(", o.customer_id AS k");
            case OWNER -> sql.append(", c.owner_id AS k");
            case PRODUCT -> sql.append(", l.product AS k");
            case CHANNEL -> sql.append(", o.channel AS k");
        }
        sql.append(" FROM crm_order o");
        if (byProduct) {
            sql.append(" JOIN crm_order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id");
        }
        if (joinCustomer) {
            sql.append(" LEFT JOIN crm_customer c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id");
        }
        sql.append(" WHERE o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.ordered_at >= ")
                .value(b.get(from))
                .append(" AND o.ordered_at < ")
                .value(b.get(to));
        query.owner().ifPresent(owner -> sql.append(" AND c.owner_id = ").value(owner.value()));
        query.channel().ifPresent(channel -> sql.append(" AND o.channel = ").value(channel.name()));
        sql.append(") t GROUP BY t.bucket, t.currency");
        sql.append(grouping == OrderGrouping.TOTAL ? "" : ", t.k");
        return sql;
    }

    /**
     * Appends the period index of {@code column} among periods {@code from} to {@code to} (exclusive)
     * of boundaries {@code b} (instants or dates), for a row the WHERE clause keeps inside them.
     */
    static void bucket(Sql sql, JdbcDialect dialect, String column, List<?> b, int from, int to) {
        if (to - from == 1) {
            sql.append(Integer.toString(from));
        } else if (dialect == JdbcDialect.POSTGRESQL) {
            StringBuilder array = new StringBuilder("{");
            for (int i = from; i <= to; i++) {
                array.append(i == from ? "" : ",").append('"').append(b.get(i)).append('"');
            }
            // the cast in a scalar subquery: an InitPlan evaluated once per statement; a bare cast of
            // the text parameter is not folded (text to timestamptz is not immutable) and parses the
            // bounds again for every row, 5x the time of the whole aggregate
            sql.append("(width_bucket(" + column + ", (SELECT CAST(")
                    .value(array.append('}').toString())
                    .append(b.get(from) instanceof Instant ? " AS timestamptz[]))) + " : " AS date[]))) + ")
                    .value(from - 1)
                    .append(")");
        } else {
            sql.append("CASE");
            for (int i = from + 1; i < to; i++) {
                sql.append(" WHEN " + column + " < ").value(b.get(i)).append(" THEN " + (i - 1));
            }
            sql.append(" ELSE " + (to - 1) + " END");
        }
    }

    private void read(Connection connection, Sql sql, OrderGrouping grouping, List<OrderSums> into)
            throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Currency currency = Money.currency(rows.getString("currency").trim());
                String key = switch (grouping) {
                    case TOTAL -> "";
                    case CUSTOMER -> dialect.getUuid(rows, "k").toString();
                    default -> Optional.ofNullable(rows.getString("k")).orElse("");
                };
                Money zero = Money.zero(currency);
                boolean byProduct = grouping == OrderGrouping.PRODUCT;
                into.add(new OrderSums(
                        rows.getInt("bucket"),
                        key,
                        Money.of(rows.getBigDecimal("revenue"), currency),
                        rows.getLong("orders"),
                        byProduct ? zero : amount(rows.getBigDecimal("cost"), currency),
                        byProduct ? zero : amount(rows.getBigDecimal("costed"), currency)));
            }
        }
    }

    private static Money amount(BigDecimal sum, Currency currency) {
        return sum == null ? Money.zero(currency) : Money.of(sum, currency);
    }
}
