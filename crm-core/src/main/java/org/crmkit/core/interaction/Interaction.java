package org.crmkit.core.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * One contact between the tenant and one or more customers on one channel: a call, an e-mail, a
 * meeting, a chat, a web-form request. It records when it occurred, in which direction, who took
 * part, what it was about and how it ended, and when and by whom it was recorded.
 *
 * <p>Interactions are append-only: a store inserts them and never changes them, so they carry no
 * version. A mistake is corrected by recording a new interaction that {@link #supersedes()} the
 * wrong one; timelines then show the correction in its place. An {@link #externalId()} (the id the
 * source system gave the call or message) makes logging idempotent.
 *
 * <p>Immutable and thread-safe. Hosts log interactions through the {@link InteractionService};
 * stores rebuild them with {@link #builder}.
 */
public final class Interaction {
    /** The most participants one interaction may have. */
    public static final int MAX_PARTICIPANTS = 1000;
    /** The most links one interaction may hold. */
    public static final int MAX_LINKS = 100;
    /** The longest subject, in UTF-16 characters. */
    public static final int MAX_SUBJECT_LENGTH = 500;
    /** The longest summary, in UTF-16 characters. */
    public static final int MAX_SUMMARY_LENGTH = 10_000;
    /** The longest outcome code, in UTF-16 characters. */
    public static final int MAX_OUTCOME_LENGTH = 100;
    /** The longest external id, in UTF-16 characters. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;
    /** The longest duration an interaction may have. */
    public static final Duration MAX_DURATION = Duration.ofDays(366);
    /** The earliest instant an interaction may have occurred at or have been recorded at. */
    public static final Instant EARLIEST = org.crmkit.core.common.TimeBounds.EARLIEST;
    /** The latest instant an interaction may have occurred at or have been recorded at. */
    public static final Instant LATEST = org.crmkit.core.common.TimeBounds.LATEST;

    private final InteractionId id;
    private final TenantId tenant;
    private final Channel channel;
    private final Direction direction;
    private final Instant occurredAt;
    private final Duration duration;
    private final StaffId staff;
    private final String subject;
    private final String summary;
    private final String outcome;
    private final Money cost;
    private final List<Participant> participants;
    private final List<InteractionLink> links;
    private final String externalId;
    private final InteractionId supersedes;
    private final Instant recordedAt;
    private final Actor recordedBy;

    private Interaction(Builder b) {
        this.id = ValidationException.requireNonNull(b.id, "interaction.id");
        this.tenant = ValidationException.requireNonNull(b.tenant, "interaction.tenant");
        this.channel = ValidationException.requireNonNull(b.channel, "interaction.channel");
        this.direction = ValidationException.requireNonNull(b.direction, "interaction.direction");
        this.occurredAt = checkInstant(b.occurredAt, "interaction.occurredAt");
        this.duration = checkDuration(b.duration);
        this.staff = b.staff;
        this.subject = b.subject == null
                ? null
                : ValidationException.requireText(b.subject, "interaction.subject", MAX_SUBJECT_LENGTH);
        this.summary = b.summary == null ? null : checkSummary(b.summary);
        this.outcome = b.outcome == null ? null : checkOutcome(b.outcome);
        this.cost = checkCost(b.cost);
        this.participants = checkParticipants(b.participants);
        this.links = checkLinks(b.links);
        this.externalId = b.externalId == null ? null : checkExternalId(b.externalId);
        if (b.supersedes != null && b.supersedes.equals(b.id)) {
            throw new ValidationException("interaction.supersedes", "an interaction cannot supersede itself");
        }
        this.supersedes = b.supersedes;
        this.recordedAt = checkInstant(b.recordedAt, "interaction.recordedAt");
        this.recordedBy = ValidationException.requireNonNull(b.recordedBy, "interaction.recordedBy");
    }

    /**
     * Starts an interaction with the parts every interaction has; at least one participant must be
     * added before {@link Builder#build()}. Services use it to log interactions and stores to rebuild
     * them; hosts log interactions through {@link InteractionService#log}.
     */
    public static Builder builder(
            InteractionId id,
            TenantId tenant,
            Channel channel,
            Direction direction,
            Instant occurredAt,
            Instant recordedAt,
            Actor recordedBy) {
        return new Builder(id, tenant, channel, direction, occurredAt, recordedAt, recordedBy);
    }

    /** The interaction's id. */
    public InteractionId id() {
        return id;
    }

    /** The tenant the interaction belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** The channel it took place on. */
    public Channel channel() {
        return channel;
    }

    /** Whether the customer or the tenant started it. */
    public Direction direction() {
        return direction;
    }

    /** When it occurred (began). */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** How long it lasted; {@link Duration#ZERO} when unknown or instantaneous (a message). */
    public Duration duration() {
        return duration;
    }

    /** The staff member who handled it, if known. */
    public Optional<StaffId> staff() {
        return Optional.ofNullable(staff);
    }

    /** Its subject line or title, if any. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** A summary or the text of the message, if any. */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** How it ended, as a code the host defines (such as {@code no-answer} or {@code callback}), if known. */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** What it cost the tenant (a call's charge, a visit's travel), if known; never negative. */
    public Optional<Money> cost() {
        return Optional.ofNullable(cost);
    }

    /** The customers who took part, in the order given; never empty, no customer twice. */
    public List<Participant> participants() {
        return participants;
    }

    /** The ids of the customers who took part, in the order of {@link #participants()}. */
    public List<CustomerId> customers() {
        return participants.stream().map(Participant::customer).toList();
    }

    /** Whether {@code customer} took part. */
    public boolean involves(CustomerId customer) {
        for (Participant p : participants) {
            if (p.customer().equals(customer)) {
                return true;
            }
        }
        return false;
    }

    /** The aggregates it is linked to, in the order given; none twice. */
    public List<InteractionLink> links() {
        return links;
    }

    /** The id the source system gave it (a call id, a message id), unique in the tenant, if any. */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** The earlier interaction this one corrects, if it is a correction. */
    public Optional<InteractionId> supersedes() {
        return Optional.ofNullable(supersedes);
    }

    /** When it was recorded, by the injected clock. */
    public Instant recordedAt() {
        return recordedAt;
    }

    /** Who recorded it. */
    public Actor recordedBy() {
        return recordedBy;
    }

    /** A builder holding this interaction's state, for stores, services and tests. */
    public Builder toBuilder() {
        return new Builder(id, tenant, channel, direction, occurredAt, recordedAt, recordedBy)
                .duration(duration)
                .staff(staff)
                .subject(subject)
                .summary(summary)
                .outcome(outcome)
                .cost(cost)
                .participants(participants)
                .links(links)
                .externalId(externalId)
                .supersedes(supersedes);
    }

    /** Two interactions are equal when all their state is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Interaction i
                && id.equals(i.id)
                && tenant.equals(i.tenant)
                && channel == i.channel
                && direction == i.direction
                && occurredAt.equals(i.occurredAt)
                && duration.equals(i.duration)
                && Objects.equals(staff, i.staff)
                && Objects.equals(subject, i.subject)
                && Objects.equals(summary, i.summary)
                && Objects.equals(outcome, i.outcome)
                && Objects.equals(cost, i.cost)
                && participants.equals(i.participants)
                && links.equals(i.links)
                && Objects.equals(externalId, i.externalId)
                && Objects.equals(supersedes, i.supersedes)
                && recordedAt.equals(i.recordedAt)
                && recordedBy.equals(i.recordedBy);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Interaction[" + id + " " + channel + " " + direction + " at " + occurredAt + ", "
                + participants.size() + (participants.size() == 1 ? " participant" : " participants")
                + (supersedes != null ? ", supersedes " + supersedes : "") + "]";
    }

    private static Instant checkInstant(Instant at, String field) {
        return org.crmkit.core.common.TimeBounds.require(at, field);
    }

    private static Duration checkDuration(Duration duration) {
        ValidationException.requireNonNull(duration, "interaction.duration");
        if (duration.isNegative()) {
            throw new ValidationException("interaction.duration", "must not be negative, was " + duration);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new ValidationException(
                    "interaction.duration", "must be at most " + MAX_DURATION + ", was " + duration);
        }
        return duration;
    }

    /** Like {@link ValidationException#requireText}, but a summary may hold carriage returns too. */
    private static String checkSummary(String summary) {
        String field = "interaction.summary";
        String stripped = summary.strip();
        if (stripped.isEmpty()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (stripped.length() > MAX_SUMMARY_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_SUMMARY_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return ValidationException.requireStorableText(stripped, field);
    }

    private static String checkOutcome(String outcome) {
        String code = ValidationException.requireText(outcome, "interaction.outcome", MAX_OUTCOME_LENGTH);
        if (code.indexOf('\n') >= 0 || code.indexOf('\t') >= 0) {
            throw new ValidationException("interaction.outcome", "must be a single line");
        }
        return code;
    }

    private static Money checkCost(Money cost) {
        if (cost != null && cost.isNegative()) {
            throw new ValidationException("interaction.cost", "must not be negative, was " + cost);
        }
        return cost;
    }

    private static String checkExternalId(String externalId) {
        String field = "interaction.externalId";
        if (externalId.isEmpty() || externalId.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        if (externalId.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return ValidationException.requireStorableText(externalId, field);
    }

    private static List<Participant> checkParticipants(List<Participant> given) {
        if (given.isEmpty()) {
            throw new ValidationException("interaction.participants", "needs at least one customer");
        }
        if (given.size() > MAX_PARTICIPANTS) {
            throw new ValidationException("interaction.participants", "at most " + MAX_PARTICIPANTS + " are allowed");
        }
        Set<CustomerId> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Participant p = ValidationException.requireNonNull(given.get(i), "interaction.participants[" + i + "]");
            if (!seen.add(p.customer())) {
                throw new ValidationException(
                        "interaction.participants[" + i + "]", "customer " + p.customer() + " takes part twice");
            }
        }
        return List.copyOf(given);
    }

    private static List<InteractionLink> checkLinks(List<InteractionLink> given) {
        if (given.size() > MAX_LINKS) {
            throw new ValidationException("interaction.links", "at most " + MAX_LINKS + " are allowed");
        }
        Set<InteractionLink> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            InteractionLink link = ValidationException.requireNonNull(given.get(i), "interaction.links[" + i + "]");
            if (!seen.add(link)) {
                throw new ValidationException(
                        "interaction.links[" + i + "]", "repeats the link to " + link.kind() + " " + link.id());
            }
        }
        return List.copyOf(given);
    }

    /**
     * Assembles an {@link Interaction}. Not thread-safe; {@link #build()} validates and copies, so
     * the builder may be reused.
     */
    public static final class Builder {
        private final InteractionId id;
        private final TenantId tenant;
        private Channel channel;
        private Direction direction;
        private Instant occurredAt;
        private Instant recordedAt;
        private Actor recordedBy;
        private Duration duration = Duration.ZERO;
        private StaffId staff;
        private String subject;
        private String summary;
        private String outcome;
        private Money cost;
        private List<Participant> participants = List.of();
        private List<InteractionLink> links = List.of();
        private String externalId;
        private InteractionId supersedes;

        private Builder(
                InteractionId id,
                TenantId tenant,
                Channel channel,
                Direction direction,
                Instant occurredAt,
                Instant recordedAt,
                Actor recordedBy) {
            this.id = id;
            this.tenant = tenant;
            this.channel = channel;
            this.direction = direction;
            this.occurredAt = occurredAt;
            this.recordedAt = recordedAt;
            this.recordedBy = recordedBy;
        }

        /** The channel. */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** The direction. */
        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        /** When it occurred. */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** When it was recorded. */
        public Builder recordedAt(Instant recordedAt) {
            this.recordedAt = recordedAt;
            return this;
        }

        /** Who recorded it. */
        public Builder recordedBy(Actor recordedBy) {
            this.recordedBy = recordedBy;
            return this;
        }

        /** How long it lasted; {@link Duration#ZERO} unless set. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** The staff member who handled it; null when unknown. */
        public Builder staff(StaffId staff) {
            this.staff = staff;
            return this;
        }

        /** The subject; null when there is none. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The summary; null when there is none. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** The outcome code; null when unknown. */
        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        /** The cost; null when unknown. */
        public Builder cost(Money cost) {
            this.cost = cost;
            return this;
        }

        /** The participants, in order. */
        public Builder participants(List<Participant> participants) {
            this.participants =
                    new ArrayList<>(ValidationException.requireNonNull(participants, "interaction.participants"));
            return this;
        }

        /** The links, in order. */
        public Builder links(List<InteractionLink> links) {
            this.links = new ArrayList<>(ValidationException.requireNonNull(links, "interaction.links"));
            return this;
        }

        /** The source system's id; null when there is none. */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The interaction this one corrects; null when it corrects none. */
        public Builder supersedes(InteractionId supersedes) {
            this.supersedes = supersedes;
            return this;
        }

        /**
         * Builds the interaction.
         *
         * @throws ValidationException naming the first field that is not valid
         */
        public Interaction build() {
            return new Interaction(this);
        }
    }
}
