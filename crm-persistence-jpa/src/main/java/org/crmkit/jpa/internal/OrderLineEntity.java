package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One line of an order: a row of {@code crmkit_order_line}, at its position in the order's list.
 * Inserted only together with its order and never changed. Not part of CRMKit's API; not
 * thread-safe.
 */
@Entity(name = "CrmkitOrderLine")
@Table(name = "crmkit_order_line")
@IdClass(OrderLineKey.class)
public class OrderLineEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Embedded
    private LineValue line;

    /** For the persistence provider. */
    protected OrderLineEntity() {}

    /** A new, not yet persisted line row of {@code parent} at position {@code seq}. */
    public OrderLineEntity(OrderEntity parent, short seq) {
        this.tenantId = parent.getTenantId();
        this.orderId = parent.getId();
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The order's id. */
    public UUID getOrderId() {
        return orderId;
    }

    /** The 0-based position among the order's lines. */
    public short getSeq() {
        return seq;
    }

    /** The line's columns. */
    public LineValue getLine() {
        return line;
    }

    /** Sets the line's columns. */
    public void setLine(LineValue line) {
        this.line = line;
    }
}
