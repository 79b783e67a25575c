package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.report.BasketCounts;
import org.crmkit.core.report.ProductBaskets;
import org.crmkit.core.report.ReportPeriod;

/**
 * {@link ProductBaskets} counted in SQL over {@code crm_order} and {@code crm_order_line} for one
 * tenant: three grouped statements in one read (orders with lines, orders per product, orders per
 * pair of products, the pairs joined line to line within an order and kept above the threshold by
 * {@code HAVING}), so no order travels to Java. Every dialect compares products exactly (binary or
 * deterministic collations), so {@code a.product < b.product} names each pair once; it is spelt
 * in Java's order afterwards. Thread-safe.
 */
final class JdbcProductBaskets implements ProductBaskets {
    private static final String IN_PERIOD = " FROM crm_order o JOIN crm_order_line a"
            + " ON a.tenant_id = o.tenant_id AND a.order_id = o.id"
            + " WHERE o.tenant_id = ? AND o.ordered_at >= ? AND o.ordered_at < ?";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    JdbcProductBaskets(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
    }

    @Override
    public BasketCounts count(ReportPeriod period, int minPairOrders) {
        ProductBaskets.requireArguments(period, minPairOrders);
        return tx.read("counting the products bought together", connection -> {
            long orders;
            try (ResultSet rows = query(connection, "SELECT COUNT(DISTINCT o.id)" + IN_PERIOD, period)) {
                rows.next();
                orders = rows.getLong(1);
            }
            Map<String, Long> products = new HashMap<>();
            try (ResultSet rows = query(
                    connection, "SELECT a.product, COUNT(DISTINCT o.id)" + IN_PERIOD + " GROUP BY a.product", period)) {
                while (rows.next()) {
                    products.put(rows.getString(1), rows.getLong(2));
                }
            }
            List<BasketCounts.PairCount> pairs = new ArrayList<>();
            try (ResultSet rows = query(
                    connection,
                    "SELECT a.product, b.product, COUNT(DISTINCT o.id)"
                            + IN_PERIOD.replace(
                                    " WHERE",
                                    " JOIN crm_order_line b ON b.tenant_id = o.tenant_id AND b.order_id = o.id"
                                            + " AND a.product < b.product WHERE")
                            + " GROUP BY a.product, b.product HAVING COUNT(DISTINCT o.id) >= ?",
                    period,
                    minPairOrders)) {
                while (rows.next()) {
                    pairs.add(BasketCounts.PairCount.of(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return new BasketCounts(orders, products, pairs);
        });
    }

    @Override
    public Set<String> productsBoughtBy(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return tx.read("reading the products customer " + customer + " bought", connection -> {
            Sql sql = new Sql()
                    .append("SELECT DISTINCT l.product FROM crm_order o JOIN crm_order_line l"
                            + " ON l.tenant_id = o.tenant_id AND l.order_id = o.id WHERE o.tenant_id = ")
                    .value(tenant.value())
                    .append(" AND o.customer_id = ")
                    .value(customer.value());
            Set<String> bought = new HashSet<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bought.add(rows.getString(1));
                }
            }
            return bought;
        });
    }

    /** Runs {@code select} with the tenant, the period's bounds and then {@code more} bound in order. */
    private ResultSet query(Connection connection, String select, ReportPeriod period, Object... more)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(select);
        boolean done = false;
        try {
            Sql.bind(statement, 1, tenant.value(), dialect);
            Sql.bind(statement, 2, period.start(), dialect);
            Sql.bind(statement, 3, period.end(), dialect);
            for (int i = 0; i < more.length; i++) {
                Sql.bind(statement, 4 + i, more[i], dialect);
            }
            ResultSet rows = statement.executeQuery();
            statement.closeOnCompletion();
            done = true;
            return rows;
        } finally {
            if (!done) {
                statement.close();
            }
        }
    }
}
