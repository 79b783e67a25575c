package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One line item of an opportunity: a row of {@code crmkit_opportunity_line}, at its position in the
 * opportunity's list. Written only together with its opportunity, whose version covers it. Not part
 * of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitOpportunityLine")
@Table(name = "crmkit_opportunity_line")
@IdClass(OpportunityLineKey.class)
public class OpportunityLineEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Embedded
    private LineValue line;

    /** For the persistence provider. */
    protected OpportunityLineEntity() {}

    /** A new, not yet persisted line row of {@code parent} at position {@code seq}. */
    public OpportunityLineEntity(OpportunityEntity parent, short seq) {
        this.tenantId = parent.getTenantId();
        this.opportunityId = parent.getId();
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The opportunity's id. */
    public UUID getOpportunityId() {
        return opportunityId;
    }

    /** The 0-based position among the opportunity's line items. */
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
