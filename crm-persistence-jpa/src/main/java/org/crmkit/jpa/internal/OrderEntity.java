package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of one order in {@code crmkit_order}. Its lines are rows of their own ({@link
 * OrderLineEntity}) that the store writes and reads itself; {@link #getLineCount()} says how many
 * there are. Orders are append-only: the store inserts the row and never updates it, so it has no
 * version. The store maps it to and from the core's immutable {@code Order}. Not part of CRMKit's
 * API; not thread-safe.
 */
@Entity(name = "CrmkitOrder")
@Table(name = "crmkit_order")
@IdClass(OrderKey.class)
public class OrderEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "ordered_at", nullable = false)
    private Instant orderedAt;

    @Column(name = "total_amount", nullable = false, precision = 38, scale = 4)
    private BigDecimal totalAmount;

    @Column(name = "cost_amount", precision = 38, scale = 4)
    private BigDecimal costAmount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "channel", length = 32)
    private String channel;

    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @Column(name = "line_count", nullable = false)
    private short lineCount;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected OrderEntity() {}

    /** A new, not yet persisted order row. */
    public OrderEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The order's id. */
    public UUID getId() {
        return id;
    }

    /** The customer's id. */
    public UUID getCustomerId() {
        return customerId;
    }

    /** Sets the customer. */
    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    /** When it was placed, to the microsecond. */
    public Instant getOrderedAt() {
        return orderedAt;
    }

    /** Sets when it was placed. */
    public void setOrderedAt(Instant orderedAt) {
        this.orderedAt = orderedAt;
    }

    /** The sum of its lines, in {@link #getCurrency()}; derived, stored for analysis in SQL. */
    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    /** Sets the total. */
    public void setTotalAmount(BigDecimal totalAmount) {
        this.totalAmount = totalAmount;
    }

    /** What it cost the tenant, in {@link #getCurrency()}, or null. */
    public BigDecimal getCostAmount() {
        return costAmount;
    }

    /** Sets the cost. */
    public void setCostAmount(BigDecimal costAmount) {
        this.costAmount = costAmount;
    }

    /** The ISO 4217 code of the lines' currency. */
    public String getCurrency() {
        return currency;
    }

    /** Sets the currency. */
    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** The {@code Channel} name it was placed on, or null. */
    public String getChannel() {
        return channel;
    }

    /** Sets the channel. */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    /** The id of the opportunity it closed, or null. */
    public UUID getOpportunityId() {
        return opportunityId;
    }

    /** Sets the opportunity. */
    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    /** The source system's order number, or null. */
    public String getExternalId() {
        return externalId;
    }

    /** Sets the source system's order number. */
    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** How many rows of {@code crmkit_order_line} it has. */
    public short getLineCount() {
        return lineCount;
    }

    /** Sets how many lines it has. */
    public void setLineCount(short lineCount) {
        this.lineCount = lineCount;
    }

    /** The audit columns. */
    public AuditValue getAudit() {
        return audit;
    }

    /** Sets the audit columns. */
    public void setAudit(AuditValue audit) {
        this.audit = audit;
    }
}
