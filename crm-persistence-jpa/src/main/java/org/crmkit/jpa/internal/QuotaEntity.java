package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The row of one sales rep's quota for one month in {@code crmkit_sales_quota}, keyed by the tenant,
 * the first day of the month and the rep. The store maps it to and from the core's {@code Quota}. It
 * carries no version: a put replaces the row. Not part of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitSalesQuota")
@Table(name = "crmkit_sales_quota")
@IdClass(QuotaKey.class)
public class QuotaEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "month_start", nullable = false)
    private LocalDate monthStart;

    @Id
    @Column(name = "owner_id", nullable = false, length = 128)
    private String ownerId;

    @Column(name = "amount", nullable = false, precision = 38, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    /** For the persistence provider. */
    protected QuotaEntity() {}

    /** A new, not yet persisted quota row. */
    public QuotaEntity(String tenantId, LocalDate monthStart, String ownerId) {
        this.tenantId = tenantId;
        this.monthStart = monthStart;
        this.ownerId = ownerId;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The first day of the month the quota is for. */
    public LocalDate getMonthStart() {
        return monthStart;
    }

    /** The sales rep's staff id. */
    public String getOwnerId() {
        return ownerId;
    }

    /** How much, in {@link #getCurrency()}. */
    public BigDecimal getAmount() {
        return amount;
    }

    /** Sets the amount. */
    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    /** The ISO 4217 code of the amount's currency. */
    public String getCurrency() {
        return currency;
    }

    /** Sets the currency. */
    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
