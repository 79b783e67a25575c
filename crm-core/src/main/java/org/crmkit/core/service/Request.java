package org.crmkit.core.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TimeBounds;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.routing.Assignment;
import org.crmkit.core.routing.TeamId;

/**
 * Inbound work that needs an answer: what a customer asked, on which channel, how urgent it is, who
 * handles it, where it stands and by when it is due. Immutable: every change returns a new instance,
 * and the store checks {@link #version()} when it is saved. Make one with {@link RequestService#open}
 * or, in a store, with {@link #builder}.
 *
 * <p>A deadline is <em>pending</em> until it is met: the first response when the request first
 * leaves {@link RequestStatus#OPEN}, resolution when it is resolved or closed (reopening makes
 * resolution pending again, with its original deadline). A pending deadline before now is
 * <em>passed</em>; {@link #overdueNotified()} remembers which passed deadlines were announced.
 */
public final class Request {
    private final RequestId id;
    private final TenantId tenant;
    private final CustomerId customer;
    private final Channel channel;
    private final RequestKind kind;
    private final Priority priority;
    private final String subject;
    private final String topic;
    private final InteractionId openedBy;
    private final RequestStatus status;
    private final StaffId assignee;
    private final TeamId team;
    private final Instant openedAt;
    private final Instant firstResponseDue;
    private final Instant resolutionDue;
    private final Instant firstRespondedAt;
    private final Instant resolvedAt;
    private final Instant closedAt;
    private final Set<ServiceLevelTarget> overdueNotified;
    private final Audit audit;
    private final long version;

    private Request(Builder b) {
        this.id = ValidationException.requireNonNull(b.id, "request.id");
        this.tenant = ValidationException.requireNonNull(b.tenant, "request.tenant");
        this.customer = ValidationException.requireNonNull(b.customer, "request.customer");
        this.channel = ValidationException.requireNonNull(b.channel, "request.channel");
        this.kind = ValidationException.requireNonNull(b.kind, "request.kind");
        this.priority = ValidationException.requireNonNull(b.priority, "request.priority");
        this.subject = ValidationException.requireText(b.subject, "request.subject", 300);
        this.topic = b.topic == null ? null : ValidationException.requireText(b.topic, "request.topic", 128);
        this.openedBy = b.openedBy;
        this.status = ValidationException.requireNonNull(b.status, "request.status");
        this.assignee = b.assignee;
        this.team = b.team;
        this.openedAt = TimeBounds.require(b.openedAt, "request.openedAt");
        this.firstResponseDue = TimeBounds.require(b.firstResponseDue, "request.firstResponseDue");
        this.resolutionDue = TimeBounds.require(b.resolutionDue, "request.resolutionDue");
        this.firstRespondedAt = TimeBounds.requireIfPresent(b.firstRespondedAt, "request.firstRespondedAt");
        this.resolvedAt = TimeBounds.requireIfPresent(b.resolvedAt, "request.resolvedAt");
        this.closedAt = TimeBounds.requireIfPresent(b.closedAt, "request.closedAt");
        this.overdueNotified = Set.copyOf(b.overdueNotified);
        this.audit = ValidationException.requireNonNull(b.audit, "request.audit");
        this.version = b.version;
        if (version < 0) {
            throw new ValidationException("request.version", "must not be negative, was " + version);
        }
        if (firstResponseDue.isBefore(openedAt) || resolutionDue.isBefore(firstResponseDue)) {
            throw new ValidationException(
                    "request.resolutionDue",
                    "deadlines must follow the opening and each other: opened " + openedAt + ", first response due "
                            + firstResponseDue + ", resolution due " + resolutionDue);
        }
        if (status.isResponse() && firstRespondedAt == null) {
            throw new ValidationException("request.firstRespondedAt", "must be set once the request left OPEN");
        }
        if (!status.isOpen() && resolvedAt == null) {
            throw new ValidationException("request.resolvedAt", "must be set for a " + status + " request");
        }
        if (status.isOpen() && resolvedAt != null) {
            throw new ValidationException("request.resolvedAt", "must be empty for a " + status + " request");
        }
        if ((status == RequestStatus.CLOSED) != (closedAt != null)) {
            throw new ValidationException("request.closedAt", "must be set exactly for a closed request");
        }
    }

    /**
     * Starts a request with everything a store keeps; the rest defaults to a new, unassigned, open
     * request of normal priority with no deadline met or announced, version 0.
     */
    public static Builder builder(
            RequestId id,
            TenantId tenant,
            CustomerId customer,
            String subject,
            Instant openedAt,
            Instant firstResponseDue,
            Instant resolutionDue,
            Audit audit) {
        Builder b = new Builder();
        b.id = id;
        b.tenant = tenant;
        b.customer = customer;
        b.subject = subject;
        b.openedAt = openedAt;
        b.firstResponseDue = firstResponseDue;
        b.resolutionDue = resolutionDue;
        b.audit = audit;
        return b;
    }

    /** This request as a builder, to change several things at once. */
    public Builder toBuilder() {
        Builder b = builder(id, tenant, customer, subject, openedAt, firstResponseDue, resolutionDue, audit);
        b.channel = channel;
        b.kind = kind;
        b.priority = priority;
        b.topic = topic;
        b.openedBy = openedBy;
        b.status = status;
        b.assignee = assignee;
        b.team = team;
        b.firstRespondedAt = firstRespondedAt;
        b.resolvedAt = resolvedAt;
        b.closedAt = closedAt;
        b.overdueNotified = EnumSet.noneOf(ServiceLevelTarget.class);
        b.overdueNotified.addAll(overdueNotified);
        b.version = version;
        return b;
    }

    /** The request's id. */
    public RequestId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** The customer who asked. */
    public CustomerId customer() {
        return customer;
    }

    /** The channel it came in on. */
    public Channel channel() {
        return channel;
    }

    /** What is asked for. */
    public RequestKind kind() {
        return kind;
    }

    /** How urgent it is; it chose the service level. */
    public Priority priority() {
        return priority;
    }

    /** A line saying what it is about. */
    public String subject() {
        return subject;
    }

    /** The topic rules route by (billing, delivery, …), as the host names topics. */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** The inbound interaction that opened it; each interaction opens at most one request. */
    public Optional<InteractionId> openedBy() {
        return Optional.ofNullable(openedBy);
    }

    /** Where it stands. */
    public RequestStatus status() {
        return status;
    }

    /** Who handles it; empty while unassigned or waiting in a team's queue. */
    public Optional<StaffId> assignee() {
        return Optional.ofNullable(assignee);
    }

    /** The team whose work it is. */
    public Optional<TeamId> team() {
        return Optional.ofNullable(team);
    }

    /** When it was opened. */
    public Instant openedAt() {
        return openedAt;
    }

    /** When {@code target} is due. */
    public Instant due(ServiceLevelTarget target) {
        return target == ServiceLevelTarget.FIRST_RESPONSE ? firstResponseDue : resolutionDue;
    }

    /** When the first response is due. */
    public Instant firstResponseDue() {
        return firstResponseDue;
    }

    /** When resolution is due. */
    public Instant resolutionDue() {
        return resolutionDue;
    }

    /** When staff first responded. */
    public Optional<Instant> firstRespondedAt() {
        return Optional.ofNullable(firstRespondedAt);
    }

    /** When it was resolved (or closed, if it was closed unresolved); empty while open. */
    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    /** When it was closed. */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Whether {@code target} is still to be met. */
    public boolean isPending(ServiceLevelTarget target) {
        return target == ServiceLevelTarget.FIRST_RESPONSE ? firstRespondedAt == null : resolvedAt == null;
    }

    /** The earliest pending deadline; empty when both are met. Stores index it to find overdue requests. */
    public Optional<Instant> nextDeadline() {
        if (firstRespondedAt == null) {
            return Optional.of(firstResponseDue);
        }
        return resolvedAt == null ? Optional.of(resolutionDue) : Optional.empty();
    }

    /** The pending deadlines that are before {@code now}, first response first. */
    public Set<ServiceLevelTarget> passedAt(Instant now) {
        Set<ServiceLevelTarget> passed = EnumSet.noneOf(ServiceLevelTarget.class);
        for (ServiceLevelTarget target : ServiceLevelTarget.values()) {
            if (isPending(target) && due(target).isBefore(now)) {
                passed.add(target);
            }
        }
        return passed;
    }

    /** The passed deadlines whose {@link RequestEvent.InboundRequestOverdue} was published. */
    public Set<ServiceLevelTarget> overdueNotified() {
        return overdueNotified;
    }

    /** When and by whom it was opened and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version; 0 for a request not stored yet. */
    public long version() {
        return version;
    }

    /**
     * This request in {@code next} status since {@code at}: entering any status but open meets the
     * first response, resolving or closing meets resolution, and reopening a resolved request makes
     * resolution pending again.
     *
     * @throws IllegalTransitionException when the status table does not allow the move
     */
    public Request movedTo(RequestStatus next, Instant at, Actor by) {
        ValidationException.requireNonNull(next, "status");
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Request " + id, status, next, status.next());
        }
        Builder b = toBuilder();
        b.status = next;
        if (next.isResponse() && firstRespondedAt == null) {
            b.firstRespondedAt = at;
        }
        b.resolvedAt = next.isOpen() ? null : (resolvedAt == null ? at : resolvedAt);
        if (next == RequestStatus.CLOSED) {
            b.closedAt = at;
        }
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** This request given to {@code assignment} at {@code at}. */
    public Request assigned(Assignment assignment, Instant at, Actor by) {
        ValidationException.requireNonNull(assignment, "assignment");
        Builder b = toBuilder();
        b.assignee = assignment.assignee().orElse(null);
        b.team = assignment.team().orElse(null);
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** Who has this request now, as an assignment; empty while unassigned. */
    public Optional<Assignment> assignment() {
        if (assignee != null) {
            return Optional.of(team == null ? Assignment.to(assignee) : Assignment.to(assignee, team));
        }
        return team == null ? Optional.empty() : Optional.of(Assignment.toTeam(team));
    }

    /** This request with {@code targets} announced as overdue as well (the audit is not touched). */
    public Request withOverdueNotified(Set<ServiceLevelTarget> targets) {
        Builder b = toBuilder();
        b.overdueNotified.addAll(targets);
        return b.build();
    }

    /** This request at {@code version}, as a store returns it after saving. */
    public Request withVersion(long version) {
        Builder b = toBuilder();
        b.version = version;
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r
                && version == r.version
                && id.equals(r.id)
                && tenant.equals(r.tenant)
                && customer.equals(r.customer)
                && channel == r.channel
                && kind == r.kind
                && priority == r.priority
                && subject.equals(r.subject)
                && Objects.equals(topic, r.topic)
                && Objects.equals(openedBy, r.openedBy)
                && status == r.status
                && Objects.equals(assignee, r.assignee)
                && Objects.equals(team, r.team)
                && openedAt.equals(r.openedAt)
                && firstResponseDue.equals(r.firstResponseDue)
                && resolutionDue.equals(r.resolutionDue)
                && Objects.equals(firstRespondedAt, r.firstRespondedAt)
                && Objects.equals(resolvedAt, r.resolvedAt)
                && Objects.equals(closedAt, r.closedAt)
                && overdueNotified.equals(r.overdueNotified)
                && audit.equals(r.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, status);
    }

    @Override
    public String toString() {
        return "Request[" + id + " " + status + " " + kind + "/" + priority + " for " + customer + ", '" + subject
                + "', assignee=" + assignee + ", team=" + team + ", v" + version + "]";
    }

    /** Assembles a request; {@link #build} validates it. Not thread-safe. */
    public static final class Builder {
        private RequestId id;
        private TenantId tenant;
        private CustomerId customer;
        private Channel channel = Channel.EMAIL;
        private RequestKind kind = RequestKind.QUESTION;
        private Priority priority = Priority.NORMAL;
        private String subject;
        private String topic;
        private InteractionId openedBy;
        private RequestStatus status = RequestStatus.OPEN;
        private StaffId assignee;
        private TeamId team;
        private Instant openedAt;
        private Instant firstResponseDue;
        private Instant resolutionDue;
        private Instant firstRespondedAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private EnumSet<ServiceLevelTarget> overdueNotified = EnumSet.noneOf(ServiceLevelTarget.class);
        private Audit audit;
        private long version;

        private Builder() {}

        /** The channel it came in on. */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** What is asked for. */
        public Builder kind(RequestKind kind) {
            this.kind = kind;
            return this;
        }

        /** How urgent it is. */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /** The topic; null for none. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** The interaction that opened it; null for none. */
        public Builder openedBy(InteractionId openedBy) {
            this.openedBy = openedBy;
            return this;
        }

        /** Where it stands. */
        public Builder status(RequestStatus status) {
            this.status = status;
            return this;
        }

        /** Who handles it; null for nobody. */
        public Builder assignee(StaffId assignee) {
            this.assignee = assignee;
            return this;
        }

        /** The team whose work it is; null for none. */
        public Builder team(TeamId team) {
            this.team = team;
            return this;
        }

        /** When staff first responded; null while not yet. */
        public Builder firstRespondedAt(Instant at) {
            this.firstRespondedAt = at;
            return this;
        }

        /** When it was resolved; null while open. */
        public Builder resolvedAt(Instant at) {
            this.resolvedAt = at;
            return this;
        }

        /** When it was closed; null unless closed. */
        public Builder closedAt(Instant at) {
            this.closedAt = at;
            return this;
        }

        /** Which passed deadlines were announced. */
        public Builder overdueNotified(Set<ServiceLevelTarget> targets) {
            this.overdueNotified = EnumSet.noneOf(ServiceLevelTarget.class);
            this.overdueNotified.addAll(targets);
            return this;
        }

        /** The stored version. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws ValidationException naming the first field that is missing or inconsistent
         */
        public Request build() {
            return new Request(this);
        }
    }
}
