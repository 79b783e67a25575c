package org.crmkit.core.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * What a host knows about an interaction it is about to log: everything but the id, the tenant and
 * when and by whom it is recorded, which the {@link InteractionService} adds.
 *
 * <pre>{@code
 * InteractionDraft call = InteractionDraft.of(Channel.PHONE, Direction.INBOUND, startedAt, Participant.primary(anna))
 *         .duration(Duration.ofMinutes(4))
 *         .subject("Delivery date")
 *         .outcome("answered")
 *         .externalId("pbx:7f3a-22");
 * }</pre>
 *
 * <p>Each setter refuses only a missing (null) value; the draft is validated as a whole when it is
 * logged, so that {@link InteractionService#logAll} can report every bad draft of an import by its
 * position instead of stopping at the first. Not thread-safe; a draft may be logged more than once
 * (each time as a new interaction, unless it has an external id).
 */
public final class InteractionDraft {
    private final Channel channel;
    private final Direction direction;
    private final Instant occurredAt;
    private final List<Participant> participants = new ArrayList<>();
    private Duration duration = Duration.ZERO;
    private StaffId staff;
    private String subject;
    private String summary;
    private String outcome;
    private Money cost;
    private final List<InteractionLink> links = new ArrayList<>();
    private String externalId;

    private InteractionDraft(Channel channel, Direction direction, Instant occurredAt) {
        this.channel = ValidationException.requireNonNull(channel, "interaction.channel");
        this.direction = ValidationException.requireNonNull(direction, "interaction.direction");
        this.occurredAt = ValidationException.requireNonNull(occurredAt, "interaction.occurredAt");
    }

    /** An interaction on {@code channel} in {@code direction} that occurred at {@code occurredAt}, with these participants. */
    public static InteractionDraft of(
            Channel channel, Direction direction, Instant occurredAt, Participant... participants) {
        InteractionDraft draft = new InteractionDraft(channel, direction, occurredAt);
        for (Participant p : ValidationException.requireNonNull(participants, "interaction.participants")) {
            draft.participant(p);
        }
        return draft;
    }

    /** An interaction with {@code primary} as its {@link ParticipantRole#PRIMARY} participant. */
    public static InteractionDraft of(Channel channel, Direction direction, Instant occurredAt, CustomerId primary) {
        return of(channel, direction, occurredAt, Participant.primary(primary));
    }

    /** Adds a participant. */
    public InteractionDraft participant(Participant participant) {
        participants.add(ValidationException.requireNonNull(participant, "interaction.participants"));
        return this;
    }

    /** Adds {@code customer} as a participant in {@code role}. */
    public InteractionDraft participant(CustomerId customer, ParticipantRole role) {
        return participant(Participant.of(customer, role));
    }

    /** Adds participants. */
    public InteractionDraft participants(List<Participant> participants) {
        ValidationException.requireNonNull(participants, "interaction.participants")
                .forEach(this::participant);
        return this;
    }

    /** How long it lasted; {@link Duration#ZERO} (unknown) unless set. */
    public InteractionDraft duration(Duration duration) {
        this.duration = ValidationException.requireNonNull(duration, "interaction.duration");
        return this;
    }

    /** The staff member who handled it. */
    public InteractionDraft staff(StaffId staff) {
        this.staff = ValidationException.requireNonNull(staff, "interaction.staff");
        return this;
    }

    /** Its subject line or title, up to {@value Interaction#MAX_SUBJECT_LENGTH} characters. */
    public InteractionDraft subject(String subject) {
        this.subject = ValidationException.requireNonNull(subject, "interaction.subject");
        return this;
    }

    /** A summary or the message text, up to {@value Interaction#MAX_SUMMARY_LENGTH} characters. */
    public InteractionDraft summary(String summary) {
        this.summary = ValidationException.requireNonNull(summary, "interaction.summary");
        return this;
    }

    /** How it ended, as a code of the host's (one line, up to {@value Interaction#MAX_OUTCOME_LENGTH} characters). */
    public InteractionDraft outcome(String outcome) {
        this.outcome = ValidationException.requireNonNull(outcome, "interaction.outcome");
        return this;
    }

    /** What it cost the tenant; not negative. */
    public InteractionDraft cost(Money cost) {
        this.cost = ValidationException.requireNonNull(cost, "interaction.cost");
        return this;
    }

    /** Links it to an opportunity, request or campaign. */
    public InteractionDraft link(InteractionLink link) {
        links.add(ValidationException.requireNonNull(link, "interaction.links"));
        return this;
    }

    /** Links it to the aggregate of {@code kind} with {@code id}. */
    public InteractionDraft link(LinkKind kind, UUID id) {
        return link(InteractionLink.of(kind, id));
    }

    /**
     * The source system's id for it, kept exactly as given (case, spaces and all), 1 to {@value
     * Interaction#MAX_EXTERNAL_ID_LENGTH} characters. Logging a draft whose external id is already
     * recorded in the tenant records nothing and returns the recorded interaction.
     */
    public InteractionDraft externalId(String externalId) {
        this.externalId = ValidationException.requireNonNull(externalId, "interaction.externalId");
        return this;
    }

    /**
     * The interaction this draft describes.
     *
     * @throws ValidationException naming the first field that is not valid
     */
    Interaction toInteraction(
            InteractionId id, TenantId tenant, Instant recordedAt, Actor recordedBy, InteractionId supersedes) {
        return Interaction.builder(id, tenant, channel, direction, occurredAt, recordedAt, recordedBy)
                .duration(duration)
                .staff(staff)
                .subject(subject)
                .summary(summary)
                .outcome(outcome)
                .cost(cost)
                .participants(participants)
                .links(links)
                .externalId(externalId)
                .supersedes(supersedes)
                .build();
    }

    @Override
    public String toString() {
        return "InteractionDraft[" + channel + " " + direction + " at " + occurredAt + ", participants="
                + participants + (externalId != null ? ", externalId=" + externalId : "")
                + "]";
    }
}
