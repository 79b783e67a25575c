package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
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
 * {@link ProductBaskets} counted by the database through three grouped JPQL queries over the
 * orders of a period and their lines (orders with lines, orders per product, orders per pair of
 * products kept above the threshold by {@code having}), in one unit of work; no order is loaded.
 * Thread-safe.
 */
final class JpaProductBaskets implements ProductBaskets {
    private static final String IN_PERIOD = " from CrmkitOrder o, CrmkitOrderLine a"
            + " where a.tenantId = o.tenantId and a.orderId = o.id and o.tenantId = :tenant"
            + " and o.orderedAt >= :start and o.orderedAt < :end";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaProductBaskets(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public BasketCounts count(ReportPeriod period, int minPairOrders) {
        ProductBaskets.requireArguments(period, minPairOrders);
        return store.run(em -> {
            try {
                long orders = query(em, "select count(distinct o.id)" + IN_PERIOD, Long.class, period)
                        .getSingleResult();
                Map<String, Long> products = new HashMap<>();
                for (Object[] row : query(
                                em,
                                "select a.line.product, count(distinct o.id)" + IN_PERIOD + " group by a.line.product",
                                Object[].class,
                                period)
                        .getResultList()) {
                    products.put((String) row[0], (Long) row[1]);
                }
                List<BasketCounts.PairCount> pairs = new ArrayList<>();
                for (Object[] row : query(
                                em,
                                "select a.line.product, b.line.product, count(distinct o.id)"
                                        + IN_PERIOD.replace(" where", ", CrmkitOrderLine b where")
                                        + " and b.tenantId = o.tenantId and b.orderId = o.id"
                                        + " and a.line.product < b.line.product"
                                        + " group by a.line.product, b.line.product"
                                        + " having count(distinct o.id) >= :min",
                                Object[].class,
                                period)
                        .setParameter("min", (long) minPairOrders)
                        .getResultList()) {
                    pairs.add(BasketCounts.PairCount.of((String) row[0], (String) row[1], (Long) row[2]));
                }
                return new BasketCounts(orders, products, pairs);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Set<String> productsBoughtBy(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.run(em -> {
            try {
                return new HashSet<>(em.createQuery(
                                "select distinct a.line.product from CrmkitOrder o, CrmkitOrderLine a"
                                        + " where a.tenantId = o.tenantId and a.orderId = o.id"
                                        + " and o.tenantId = :tenant and o.customerId = :customer",
                                String.class)
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter("tenant", tenant.value())
                        .setParameter("customer", customer.value())
                        .getResultList());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    private <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, ReportPeriod period) {
        return em.createQuery(jpql, type)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("tenant", tenant.value())
                .setParameter("start", period.start())
                .setParameter("end", period.end());
    }
}
