package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of one interaction in {@code crmkit_interaction}. Its participants and links are rows of
 * their own ({@link InteractionParticipantEntity}, {@link InteractionLinkEntity}) that the store
 * writes and reads itself, so the provider never loads a collection behind the store's back.
 * Interactions are append-only: the store inserts the row and never updates it, so it has no
 * version. The store maps it to and from the core's immutable {@code Interaction}; hosts never see
 * it. Not part of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitInteraction")
@Table(name = "crmkit_interaction")
@IdClass(InteractionKey.class)
public class InteractionEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "direction", nullable = false, length = 8)
    private String direction;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "duration_micros", nullable = false)
    private long durationMicros;

    @Column(name = "staff_id", length = 128)
    private String staffId;

    @Column(name = "subject", length = 500)
    private String subject;

    @Column(name = "summary")
    private String summary;

    @Column(name = "outcome", length = 100)
    private String outcome;

    @Column(name = "cost_amount", precision = 38, scale = 4)
    private BigDecimal costAmount;

    @Column(name = "cost_currency", length = 3)
    private String costCurrency;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @Column(name = "supersedes_id")
    private UUID supersedesId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by_kind", nullable = false, length = 8)
    private String recordedByKind;

    @Column(name = "recorded_by_id", nullable = false, length = 128)
    private String recordedById;

    /** How many rows of {@code crmkit_interaction_link} it has, so that a read without links skips them. */
    @Column(name = "link_count", nullable = false)
    private short linkCount;

    /** For the persistence provider. */
    protected InteractionEntity() {}

    /** A new, not yet persisted interaction row. */
    public InteractionEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The interaction's id. */
    public UUID getId() {
        return id;
    }

    /** The {@code Channel} name. */
    public String getChannel() {
        return channel;
    }

    /** Sets the channel. */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    /** The {@code Direction} name. */
    public String getDirection() {
        return direction;
    }

    /** Sets the direction. */
    public void setDirection(String direction) {
        this.direction = direction;
    }

    /** When it occurred, to the microsecond. */
    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** Sets when it occurred. */
    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    /** How long it lasted, in whole microseconds. */
    public long getDurationMicros() {
        return durationMicros;
    }

    /** Sets how long it lasted. */
    public void setDurationMicros(long durationMicros) {
        this.durationMicros = durationMicros;
    }

    /** The staff member's id, or null. */
    public String getStaffId() {
        return staffId;
    }

    /** Sets the staff member. */
    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    /** The subject, or null. */
    public String getSubject() {
        return subject;
    }

    /** Sets the subject. */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    /** The summary, or null. */
    public String getSummary() {
        return summary;
    }

    /** Sets the summary. */
    public void setSummary(String summary) {
        this.summary = summary;
    }

    /** The outcome code, or null. */
    public String getOutcome() {
        return outcome;
    }

    /** Sets the outcome code. */
    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /** The cost's amount, or null when the cost is unknown. */
    public BigDecimal getCostAmount() {
        return costAmount;
    }

    /** The cost's ISO 4217 currency code, or null when the cost is unknown. */
    public String getCostCurrency() {
        return costCurrency;
    }

    /** Sets the cost; both null when it is unknown. */
    public void setCost(BigDecimal amount, String currency) {
        this.costAmount = amount;
        this.costCurrency = currency;
    }

    /** The source system's id, or null. */
    public String getExternalId() {
        return externalId;
    }

    /** Sets the source system's id. */
    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** The id of the interaction this one corrects, or null. */
    public UUID getSupersedesId() {
        return supersedesId;
    }

    /** Sets the interaction this one corrects. */
    public void setSupersedesId(UUID supersedesId) {
        this.supersedesId = supersedesId;
    }

    /** When it was recorded, to the microsecond. */
    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The {@code Actor.Kind} name of who recorded it. */
    public String getRecordedByKind() {
        return recordedByKind;
    }

    /** The id of who recorded it. */
    public String getRecordedById() {
        return recordedById;
    }

    /** Sets when and by whom it was recorded. */
    public void setRecorded(Instant at, String byKind, String byId) {
        this.recordedAt = at;
        this.recordedByKind = byKind;
        this.recordedById = byId;
    }

    /** How many links it has. */
    public short getLinkCount() {
        return linkCount;
    }

    /** Sets how many links it has. */
    public void setLinkCount(short linkCount) {
        this.linkCount = linkCount;
    }
}
