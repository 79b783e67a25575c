package org.crmkit.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.jpa.internal.QuotaEntity;

/**
 * {@link QuotaRepository} of one tenant over JPA: a row of {@code crmkit_sales_quota} per sales rep
 * and month, keyed by the tenant, the month's first day and the rep. A put finds the row by its key
 * and inserts or updates it; a remove finds it and deletes it, both through the persistence context,
 * so that later calls of the same unit of work see their effect. Two writers of the same new quota at
 * once collide on the key; the later fails with {@link
 * org.crmkit.core.common.ConcurrentUpdateException}. The quotas of a range of months are one range of
 * the key, read as values (no entity is loaded) and ordered in Java by month, then owner, so that the
 * order does not depend on the database's collation. Thread-safe: holds no entity manager.
 */
final class JpaQuotaRepository implements QuotaRepository {
    private static final Comparator<Quota> ORDER =
            Comparator.comparing(Quota::month).thenComparing(q -> q.owner().value());

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaQuotaRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public void put(Quota quota) {
        ValidationException.requireNonNull(quota, "quota");
        store.run(em -> {
            try {
                QuotaEntity entity = em.find(QuotaEntity.class, QuotaMapper.key(tenant, quota.owner(), quota.month()));
                if (entity == null) {
                    em.persist(QuotaMapper.newEntity(tenant, quota));
                } else {
                    QuotaMapper.apply(quota, entity);
                }
                em.flush();
                return null;
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Quota", quota.owner() + "/" + quota.month(), 0);
            }
        });
    }

    @Override
    public boolean remove(StaffId owner, YearMonth month) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(month, "month");
        return store.run(em -> {
            try {
                QuotaEntity entity = em.find(QuotaEntity.class, QuotaMapper.key(tenant, owner, month));
                if (entity == null) {
                    return false;
                }
                em.remove(entity);
                em.flush();
                return true;
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Quota", owner + "/" + month, 0);
            }
        });
    }

    @Override
    public List<Quota> between(YearMonth from, YearMonth to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            return List.of();
        }
        return store.run(em -> {
            try {
                List<Quota> quotas = new ArrayList<>();
                for (Object[] row : em.createQuery(
                                "select q.ownerId, q.monthStart, q.amount, q.currency from CrmkitSalesQuota q"
                                        + " where q.tenantId = :tenant and q.monthStart >= :from"
                                        + " and q.monthStart < :to",
                                Object[].class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("from", QuotaMapper.monthStart(from))
                        .setParameter("to", QuotaMapper.monthStart(to))
                        .getResultList()) {
                    quotas.add(QuotaMapper.toDomain(
                            (String) row[0], (LocalDate) row[1], (BigDecimal) row[2], (String) row[3]));
                }
                quotas.sort(ORDER);
                return quotas;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaQuotaRepository[" + tenant + "]";
    }
}
