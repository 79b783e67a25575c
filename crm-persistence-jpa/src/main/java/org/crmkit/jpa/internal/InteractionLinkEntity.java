package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One link of an interaction to another aggregate: a row of {@code crmkit_interaction_link}, at its
 * position in the interaction's list. Inserted with its interaction and never changed. Not part of
 * CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitInteractionLink")
@Table(name = "crmkit_interaction_link")
@IdClass(InteractionPartKey.class)
public class InteractionLinkEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "target_id", nullable = false)
    private UUID targetId;

    /** For the persistence provider. */
    protected InteractionLinkEntity() {}

    /** A new, not yet persisted link row of {@code interaction} at position {@code seq}. */
    public InteractionLinkEntity(InteractionEntity interaction, short seq, String kind, UUID targetId) {
        this.tenantId = interaction.getTenantId();
        this.interactionId = interaction.getId();
        this.seq = seq;
        this.kind = kind;
        this.targetId = targetId;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The interaction's id. */
    public UUID getInteractionId() {
        return interactionId;
    }

    /** The 0-based position among the interaction's links. */
    public short getSeq() {
        return seq;
    }

    /** The {@code LinkKind} name. */
    public String getKind() {
        return kind;
    }

    /** The linked aggregate's id. */
    public UUID getTargetId() {
        return targetId;
    }
}
