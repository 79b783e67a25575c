package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One customer who took part in an interaction: a row of {@code crmkit_interaction_participant}, at
 * its position in the interaction's list. It repeats the interaction's occurrence, channel and
 * direction (which never change), so that a customer's timeline is read along one index of this
 * table. Inserted with its interaction and never changed. Not part of CRMKit's API; not
 * thread-safe.
 */
@Entity(name = "CrmkitInteractionParticipant")
@Table(name = "crmkit_interaction_participant")
@IdClass(InteractionPartKey.class)
public class InteractionParticipantEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "direction", nullable = false, length = 8)
    private String direction;

    /** For the persistence provider. */
    protected InteractionParticipantEntity() {}

    /** A new, not yet persisted participant row of {@code interaction} at position {@code seq}. */
    public InteractionParticipantEntity(InteractionEntity interaction, short seq, UUID customerId, String role) {
        this.tenantId = interaction.getTenantId();
        this.interactionId = interaction.getId();
        this.seq = seq;
        this.customerId = customerId;
        this.role = role;
        this.occurredAt = interaction.getOccurredAt();
        this.channel = interaction.getChannel();
        this.direction = interaction.getDirection();
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The interaction's id. */
    public UUID getInteractionId() {
        return interactionId;
    }

    /** The 0-based position among the interaction's participants. */
    public short getSeq() {
        return seq;
    }

    /** The customer's id. */
    public UUID getCustomerId() {
        return customerId;
    }

    /** The {@code ParticipantRole} name. */
    public String getRole() {
        return role;
    }

    /** When the interaction occurred. */
    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** The interaction's {@code Channel} name. */
    public String getChannel() {
        return channel;
    }

    /** The interaction's {@code Direction} name. */
    public String getDirection() {
        return direction;
    }
}
