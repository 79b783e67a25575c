package org.crmkit.jpa;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.ParticipantRole;
import org.crmkit.jpa.internal.InteractionEntity;
import org.crmkit.jpa.internal.InteractionLinkEntity;
import org.crmkit.jpa.internal.InteractionParticipantEntity;

/**
 * Maps the core's immutable {@link Interaction} to and from its rows: an {@link InteractionEntity}
 * and a row per participant and per link. Instants and the duration are kept to the microsecond,
 * the precision of PostgreSQL's {@code timestamp}: {@link #normalised} is the interaction exactly as
 * the store will hand it back. Stateless.
 */
final class InteractionMapper {
    private InteractionMapper() {}

    /** {@code interaction} with its instants and duration cut to whole microseconds; itself when none needs it. */
    static Interaction normalised(Interaction interaction) {
        Instant occurredAt = interaction.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Instant recordedAt = interaction.recordedAt().truncatedTo(ChronoUnit.MICROS);
        Duration duration = interaction.duration().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.equals(interaction.occurredAt())
                && recordedAt.equals(interaction.recordedAt())
                && duration.equals(interaction.duration())) {
            return interaction;
        }
        return Interaction.builder(
                        interaction.id(),
                        interaction.tenant(),
                        interaction.channel(),
                        interaction.direction(),
                        occurredAt,
                        recordedAt,
                        interaction.recordedBy())
                .duration(duration)
                .staff(interaction.staff().orElse(null))
                .subject(interaction.subject().orElse(null))
                .summary(interaction.summary().orElse(null))
                .outcome(interaction.outcome().orElse(null))
                .cost(interaction.cost().orElse(null))
                .participants(interaction.participants())
                .links(interaction.links())
                .externalId(interaction.externalId().orElse(null))
                .supersedes(interaction.supersedes().orElse(null))
                .build();
    }

    /** The rows that hold {@code interaction}, which must be {@link #normalised}: the root first. */
    static Rows newRows(Interaction interaction) {
        InteractionEntity root = new InteractionEntity(
                interaction.tenant().value(), interaction.id().value());
        root.setChannel(interaction.channel().name());
        root.setDirection(interaction.direction().name());
        root.setOccurredAt(interaction.occurredAt());
        root.setDurationMicros(interaction.duration().toNanos() / 1_000);
        root.setStaffId(interaction.staff().map(StaffId::value).orElse(null));
        root.setSubject(interaction.subject().orElse(null));
        root.setSummary(interaction.summary().orElse(null));
        root.setOutcome(interaction.outcome().orElse(null));
        interaction
                .cost()
                .ifPresent(cost -> root.setCost(cost.amount(), cost.currency().getCurrencyCode()));
        root.setExternalId(interaction.externalId().orElse(null));
        root.setSupersedesId(interaction.supersedes().map(InteractionId::value).orElse(null));
        Actor by = interaction.recordedBy();
        root.setRecorded(interaction.recordedAt(), by.kind().name(), by.id());
        root.setLinkCount((short) interaction.links().size());

        List<Participant> participants = interaction.participants();
        List<InteractionParticipantEntity> participantRows = new ArrayList<>(participants.size());
        for (int seq = 0; seq < participants.size(); seq++) {
            Participant p = participants.get(seq);
            participantRows.add(new InteractionParticipantEntity(
                    root, (short) seq, p.customer().value(), p.role().name()));
        }
        List<InteractionLink> links = interaction.links();
        List<InteractionLinkEntity> linkRows = new ArrayList<>(links.size());
        for (int seq = 0; seq < links.size(); seq++) {
            InteractionLink link = links.get(seq);
            linkRows.add(
                    new InteractionLinkEntity(root, (short) seq, link.kind().name(), link.id()));
        }
        return new Rows(root, participantRows, linkRows);
    }

    /** The participant a row of {@code crmkit_interaction_participant} holds. */
    static Participant participant(UUID customerId, String role) {
        return Participant.of(new CustomerId(customerId), ParticipantRole.valueOf(role));
    }

    /** The link a row of {@code crmkit_interaction_link} holds. */
    static InteractionLink link(String kind, UUID targetId) {
        return InteractionLink.of(LinkKind.valueOf(kind), targetId);
    }

    /** The interaction of tenant {@code tenant} that {@code root} holds, with its participants and links in order. */
    static Interaction toDomain(
            TenantId tenant, InteractionEntity root, List<Participant> participants, List<InteractionLink> links) {
        Actor recordedBy = new Actor(Actor.Kind.valueOf(root.getRecordedByKind()), root.getRecordedById());
        Money cost = root.getCostAmount() == null
                ? null
                : Money.of(root.getCostAmount(), Money.currency(root.getCostCurrency()));
        return Interaction.builder(
                        new InteractionId(root.getId()),
                        tenant,
                        Channel.valueOf(root.getChannel()),
                        Direction.valueOf(root.getDirection()),
                        root.getOccurredAt(),
                        root.getRecordedAt(),
                        recordedBy)
                .duration(Duration.of(root.getDurationMicros(), ChronoUnit.MICROS))
                .staff(root.getStaffId() == null ? null : StaffId.of(root.getStaffId()))
                .subject(root.getSubject())
                .summary(root.getSummary())
                .outcome(root.getOutcome())
                .cost(cost)
                .participants(participants)
                .links(links)
                .externalId(root.getExternalId())
                .supersedes(root.getSupersedesId() == null ? null : new InteractionId(root.getSupersedesId()))
                .build();
    }

    /**
     * The rows of one interaction, in the order they are inserted.
     *
     * @param root the interaction's row
     * @param participants a row per participant, in order
     * @param links a row per link, in order
     */
    record Rows(
            InteractionEntity root,
            List<InteractionParticipantEntity> participants,
            List<InteractionLinkEntity> links) {}
}
