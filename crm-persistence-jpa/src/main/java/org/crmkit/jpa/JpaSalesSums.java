package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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
 * The sales analysis of {@link JpaOrderRepository}, pushed down to the database. The sums are one
 * portable native query per {@value #PERIODS_PER_STATEMENT} periods (the same on H2 and
 * PostgreSQL): a derived table gives each order (or, per product, each line) its period by a {@code
 * CASE WHEN o.ordered_at < ?n THEN …} chain over the bound boundaries, and the outer query groups by
 * it, so that no database has to match a parameterised expression in {@code GROUP BY}; the owner
 * comes from a join to {@code crmkit_customer}, products from {@code crmkit_order_line.total}. The
 * top customers and the purchases per customer are JPQL {@code GROUP BY} queries with {@code ORDER
 * BY} and a row limit. Thread-safe: holds no entity manager.
 */
final class JpaSalesSums {
    /** How many periods one statement buckets at most. */
    static final int PERIODS_PER_STATEMENT = 200;

    private static final Comparator<OrderSums> ORDER = Comparator.comparingInt(OrderSums::period)
            .thenComparing(OrderSums::key)
            .thenComparing(s -> s.currency().getCurrencyCode());

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaSalesSums(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    List<OrderSums> sums(OrderSumsQuery query) {
        return store.run(em -> {
            try {
                List<OrderSums> sums = new ArrayList<>();
                for (int from = 0; from < query.periods(); from += PERIODS_PER_STATEMENT) {
                    int to = Math.min(query.periods(), from + PERIODS_PER_STATEMENT);
                    read(em, query, from, to, sums);
                }
                sums.sort(ORDER);
                return sums;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    List<CustomerRevenue> topCustomers(Instant from, Instant to, Currency currency, int limit) {
        return store.run(em -> {
            try {
                TypedQuery<Object[]> q = em.createQuery(
                        "select o.customerId, sum(o.totalAmount), count(o) from CrmkitOrder o"
                                + " where o.tenantId = :tenant and o.orderedAt >= :from and o.orderedAt < :to"
                                + " and o.currency = :currency"
                                + " group by o.customerId order by sum(o.totalAmount) desc, o.customerId",
                        Object[].class);
                q.setParameter("tenant", tenant.value())
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .setParameter("currency", currency.getCurrencyCode())
                        .setMaxResults(limit);
                List<CustomerRevenue> top = new ArrayList<>();
                for (Object[] row : q.getResultList()) {
                    top.add(new CustomerRevenue(
                            new CustomerId(uuid(row[0])), Money.of(decimal(row[1]), currency), count(row[2])));
                }
                return top;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    Page<CustomerPurchases> purchases(Instant from, Instant to, PageRequest page) {
        Optional<UUID> after = IdCursor.start(page);
        return store.run(em -> {
            try {
                TypedQuery<Object[]> q = em.createQuery(
                        "select o.customerId, count(o), min(o.orderedAt), max(o.orderedAt) from CrmkitOrder o"
                                + " where o.tenantId = :tenant and o.orderedAt >= :from and o.orderedAt < :to"
                                + (after.isPresent() ? " and o.customerId > :after" : "")
                                + " group by o.customerId order by o.customerId",
                        Object[].class);
                q.setParameter("tenant", tenant.value())
                        .setParameter("from", from)
                        .setParameter("to", to);
                after.ifPresent(id -> q.setParameter("after", id));
                List<CustomerPurchases> rows = new ArrayList<>();
                for (Object[] row : q.setMaxResults(page.size() + 1).getResultList()) {
                    rows.add(new CustomerPurchases(
                            new CustomerId(uuid(row[0])), count(row[1]), instant(row[2]), instant(row[3])));
                }
                return IdCursor.page(rows, page.size(), p -> p.customer().value());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /** Sums periods {@code from} (inclusive) to {@code to} (exclusive) into {@code into}. */
    private void read(EntityManager em, OrderSumsQuery query, int from, int to, List<OrderSums> into) {
        OrderGrouping grouping = query.grouping();
        boolean byProduct = grouping == OrderGrouping.PRODUCT;
        boolean joinCustomer = grouping == OrderGrouping.OWNER || query.owner().isPresent();
        List<Instant> b = query.boundaries();
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT t.bucket, t.currency, SUM(t.revenue), ");
        sql.append(byProduct ? "COUNT(DISTINCT t.oid), NULL, NULL" : "COUNT(*), SUM(t.cost), SUM(t.costed)");
        sql.append(grouping == OrderGrouping.TOTAL ? ", NULL" : ", t.k").append(" FROM (SELECT ");
        if (to - from == 1) {
            sql.append(from);
        } else {
            sql.append("CASE");
            for (int i = from + 1; i < to; i++) {
                values.add(b.get(i));
                sql.append(" WHEN o.ordered_at < ?")
                        .append(values.size())
                        .append(" THEN ")
                        .append(i - 1);
            }
            sql.append(" ELSE ").append(to - 1).append(" END");
        }
        sql.append(" AS bucket, o.currency AS currency, o.id AS oid");
        sql.append(
                byProduct
                        ? ", l.total AS revenue"
                        : ", o.total_amount AS revenue, o.cost_amount AS cost,"
                                + " CASE WHEN o.cost_amount IS NULL THEN NULL ELSE o.total_amount END AS costed");
        switch (grouping) {
            case TOTAL -> {}
            case CUSTOMER -> sql.append(", o.customer_id AS k");
            case OWNER -> sql.append(", c.owner_id AS k");
            case PRODUCT -> sql.append(", l.product AS k");
            case CHANNEL -> sql.append(", o.channel AS k");
        }
        sql.append(" FROM crmkit_order o");
        if (byProduct) {
            sql.append(" JOIN crmkit_order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id");
        }
        if (joinCustomer) {
            sql.append(" LEFT JOIN crmkit_customer c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id");
        }
        values.add(tenant.value());
        sql.append(" WHERE o.tenant_id = ?").append(values.size());
        values.add(b.get(from));
        sql.append(" AND o.ordered_at >= ?").append(values.size());
        values.add(b.get(to));
        sql.append(" AND o.ordered_at < ?").append(values.size());
        if (query.owner().isPresent()) {
            values.add(query.owner().get().value());
            sql.append(" AND c.owner_id = ?").append(values.size());
        }
        if (query.channel().isPresent()) {
            values.add(query.channel().get().name());
            sql.append(" AND o.channel = ?").append(values.size());
        }
        sql.append(") t GROUP BY t.bucket, t.currency").append(grouping == OrderGrouping.TOTAL ? "" : ", t.k");
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(i + 1, values.get(i));
        }
        for (Object result : q.getResultList()) {
            Object[] row = (Object[]) result;
            Currency currency = Money.currency(row[1].toString().trim());
            String key = switch (grouping) {
                case TOTAL -> "";
                case CUSTOMER -> uuid(row[6]).toString();
                default -> row[6] == null ? "" : row[6].toString();
            };
            into.add(new OrderSums(
                    ((Number) row[0]).intValue(),
                    key,
                    Money.of(decimal(row[2]), currency),
                    count(row[3]),
                    amount(row[4], currency),
                    amount(row[5], currency)));
        }
    }

    private static Money amount(Object sum, Currency currency) {
        return sum == null ? Money.zero(currency) : Money.of(decimal(sum), currency);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** A UUID as the provider hands it out of a native or JPQL query. */
    private static UUID uuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    /** An instant as the provider hands it out of a query. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException(
                "an instant was read as a " + value.getClass().getName());
    }
}
