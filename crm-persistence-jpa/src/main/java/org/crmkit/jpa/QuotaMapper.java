package org.crmkit.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Quota;
import org.crmkit.jpa.internal.QuotaEntity;
import org.crmkit.jpa.internal.QuotaKey;

/**
 * Maps the core's {@link Quota} to and from its row, a {@link QuotaEntity}: the month as its first
 * day, the amount at the column's scale ({@link LineItemMapper#scaled}) with its currency code.
 * Stateless.
 */
final class QuotaMapper {
    private QuotaMapper() {}

    /** The key of {@code owner}'s quota row for {@code month} in {@code tenant}. */
    static QuotaKey key(TenantId tenant, StaffId owner, YearMonth month) {
        return new QuotaKey(tenant.value(), monthStart(month), owner.value());
    }

    /** A new row holding {@code quota} for {@code tenant}. */
    static QuotaEntity newEntity(TenantId tenant, Quota quota) {
        QuotaEntity entity = new QuotaEntity(
                tenant.value(), monthStart(quota.month()), quota.owner().value());
        apply(quota, entity);
        return entity;
    }

    /** Writes the amount of {@code quota} into {@code entity}, which holds its owner and month. */
    static void apply(Quota quota, QuotaEntity entity) {
        entity.setAmount(LineItemMapper.scaled(quota.amount().amount()));
        entity.setCurrency(quota.amount().currency().getCurrencyCode());
    }

    /** The quota these columns hold. */
    static Quota toDomain(String owner, LocalDate monthStart, BigDecimal amount, String currency) {
        return new Quota(StaffId.of(owner), YearMonth.from(monthStart), Money.of(amount, Money.currency(currency)));
    }

    /** The first day of {@code month}, as the row keeps it. */
    static LocalDate monthStart(YearMonth month) {
        return month.atDay(1);
    }
}
