package org.crmkit.core.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TimeBounds;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * A chance to sell: for which customer, whose it is, how much it is worth (derived from its line
 * items when it has them), when it should close, where it stands in its pipeline, and how it got
 * there (the full stage history). Closed as won or lost with a reason; reopening is an explicit act.
 * Immutable: every change returns a new instance, and the store checks {@link #version()} on save.
 */
public final class Opportunity {
    /** The most line items an opportunity may have. */
    public static final int MAX_LINES = 500;

    private final OpportunityId id;
    private final TenantId tenant;
    private final CustomerId customer;
    private final StaffId owner;
    private final PipelineId pipeline;
    private final String name;
    private final Money amount;
    private final List<LineItem> lines;
    private final LocalDate expectedClose;
    private final StageId stage;
    private final Integer probabilityOverride;
    private final Integer predictedProbability;
    private final ForecastCategory category;
    private final Channel sourceChannel;
    private final UUID sourceCampaign;
    private final OpportunityStatus status;
    private final String closeReason;
    private final Instant closedAt;
    private final List<StageChange> history;
    private final Audit audit;
    private final long version;

    private Opportunity(Builder b) {
        this.id = ValidationException.requireNonNull(b.id, "opportunity.id");
        this.tenant = ValidationException.requireNonNull(b.tenant, "opportunity.tenant");
        this.customer = ValidationException.requireNonNull(b.customer, "opportunity.customer");
        this.owner = ValidationException.requireNonNull(b.owner, "opportunity.owner");
        this.pipeline = ValidationException.requireNonNull(b.pipeline, "opportunity.pipeline");
        this.name = ValidationException.requireText(b.name, "opportunity.name", 200);
        this.lines = List.copyOf(ValidationException.requireNonNull(b.lines, "opportunity.lines"));
        if (lines.size() > MAX_LINES) {
            throw new ValidationException(
                    "opportunity.lines", "must be at most " + MAX_LINES + ", were " + lines.size());
        }
        this.amount = lines.isEmpty() ? ValidationException.requireNonNull(b.amount, "opportunity.amount") : sum(lines);
        if (amount.isNegative()) {
            throw new ValidationException("opportunity.amount", "must not be negative, was " + amount);
        }
        if (b.amount != null && !lines.isEmpty() && !b.amount.equals(amount)) {
            throw new ValidationException(
                    "opportunity.amount", "is " + b.amount + " but the lines add up to " + amount);
        }
        this.expectedClose = ValidationException.requireNonNull(b.expectedClose, "opportunity.expectedClose");
        if (expectedClose.getYear() < 1900 || expectedClose.getYear() > 9999) {
            throw new ValidationException(
                    "opportunity.expectedClose", "must lie between 1900 and 9999, was " + expectedClose);
        }
        this.stage = ValidationException.requireNonNull(b.stage, "opportunity.stage");
        if (b.probabilityOverride != null && (b.probabilityOverride < 0 || b.probabilityOverride > 100)) {
            throw new ValidationException(
                    "opportunity.probability", "must be a percentage from 0 to 100, was " + b.probabilityOverride);
        }
        this.probabilityOverride = b.probabilityOverride;
        if (b.predictedProbability != null && (b.predictedProbability < 0 || b.predictedProbability > 100)) {
            throw new ValidationException(
                    "opportunity.predictedProbability",
                    "must be a percentage from 0 to 100, was " + b.predictedProbability);
        }
        this.predictedProbability = b.predictedProbability;
        this.category = ValidationException.requireNonNull(b.category, "opportunity.forecastCategory");
        this.sourceChannel = b.sourceChannel;
        this.sourceCampaign = b.sourceCampaign;
        this.status = ValidationException.requireNonNull(b.status, "opportunity.status");
        this.closeReason = b.closeReason == null
                ? null
                : ValidationException.requireText(b.closeReason, "opportunity.closeReason", 100);
        this.closedAt = TimeBounds.requireIfPresent(b.closedAt, "opportunity.closedAt");
        if ((status == OpportunityStatus.OPEN) != (closedAt == null)
                || (status == OpportunityStatus.OPEN) != (closeReason == null)) {
            throw new ValidationException(
                    "opportunity.closedAt", "a close time and reason belong to won and lost opportunities only");
        }
        this.history = List.copyOf(ValidationException.requireNonNull(b.history, "opportunity.history"));
        if (history.isEmpty()) {
            throw new ValidationException("opportunity.history", "must hold at least the first stage");
        }
        StageChange last = history.get(history.size() - 1);
        if (!last.stage().equals(stage) || last.status() != status) {
            throw new ValidationException("opportunity.history", "must end in the current stage and status");
        }
        this.audit = ValidationException.requireNonNull(b.audit, "opportunity.audit");
        this.version = b.version;
        if (version < 0) {
            throw new ValidationException("opportunity.version", "must not be negative, was " + version);
        }
    }

    /**
     * Starts an open opportunity with what every one has; without line items it needs an {@link
     * Builder#amount}, and its history starts in {@code stage} at the audit's creation.
     */
    public static Builder builder(
            OpportunityId id,
            TenantId tenant,
            CustomerId customer,
            StaffId owner,
            PipelineId pipeline,
            String name,
            LocalDate expectedClose,
            StageId stage,
            Audit audit) {
        Builder b = new Builder();
        b.id = id;
        b.tenant = tenant;
        b.customer = customer;
        b.owner = owner;
        b.pipeline = pipeline;
        b.name = name;
        b.expectedClose = expectedClose;
        b.stage = stage;
        b.audit = audit;
        if (stage != null && audit != null) {
            b.history = List.of(new StageChange(stage, OpportunityStatus.OPEN, audit.createdAt(), audit.createdBy()));
        }
        return b;
    }

    /** This opportunity as a builder, to change several things at once. */
    public Builder toBuilder() {
        Builder b = builder(id, tenant, customer, owner, pipeline, name, expectedClose, stage, audit);
        b.amount = lines.isEmpty() ? amount : null;
        b.lines = lines;
        b.probabilityOverride = probabilityOverride;
        b.predictedProbability = predictedProbability;
        b.category = category;
        b.sourceChannel = sourceChannel;
        b.sourceCampaign = sourceCampaign;
        b.status = status;
        b.closeReason = closeReason;
        b.closedAt = closedAt;
        b.history = history;
        b.version = version;
        return b;
    }

    /** The opportunity's id. */
    public OpportunityId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** The customer it would sell to. */
    public CustomerId customer() {
        return customer;
    }

    /** The sales rep whose it is. */
    public StaffId owner() {
        return owner;
    }

    /** The pipeline it moves through. */
    public PipelineId pipeline() {
        return pipeline;
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** What it is worth: the sum of its lines when it has any. */
    public Money amount() {
        return amount;
    }

    /** Its line items, in order. */
    public List<LineItem> lines() {
        return lines;
    }

    /** When it should close. */
    public LocalDate expectedClose() {
        return expectedClose;
    }

    /** The stage it is in (for a closed one, the stage it was closed in). */
    public StageId stage() {
        return stage;
    }

    /** The win probability set by hand, in percent, overriding the stage's. */
    public OptionalInt probabilityOverride() {
        return probabilityOverride == null ? OptionalInt.empty() : OptionalInt.of(probabilityOverride);
    }

    /**
     * The win probability in percent a model predicted when it last scored this opportunity (see
     * {@link SalesService#recordPrediction}); it counts unless a probability is set by hand.
     */
    public OptionalInt predictedProbability() {
        return predictedProbability == null ? OptionalInt.empty() : OptionalInt.of(predictedProbability);
    }

    /**
     * The win probability in percent, {@link #winProbability} without its source.
     *
     * @param stage the stage it is in, as its pipeline defines it
     */
    public int probability(Stage stage) {
        return winProbability(stage).percent();
    }

    /**
     * The win probability that counts, and where it comes from: 100 when won and 0 when lost;
     * else the one set by hand, then the predicted one, then {@code stage}'s default.
     *
     * @param stage the stage it is in, as its pipeline defines it
     * @throws ValidationException when {@code stage} is not the stage it is in
     */
    public WinProbability winProbability(Stage stage) {
        ValidationException.requireNonNull(stage, "stage");
        if (status != OpportunityStatus.OPEN) {
            return new WinProbability(status == OpportunityStatus.WON ? 100 : 0, ProbabilitySource.CLOSED);
        }
        if (!stage.id().equals(this.stage)) {
            throw new ValidationException(
                    "stage", "is " + stage.id() + ", but opportunity " + id + " is in " + this.stage);
        }
        if (probabilityOverride != null) {
            return new WinProbability(probabilityOverride, ProbabilitySource.OVERRIDE);
        }
        if (predictedProbability != null) {
            return new WinProbability(predictedProbability, ProbabilitySource.PREDICTED);
        }
        return new WinProbability(stage.probability(), ProbabilitySource.STAGE_DEFAULT);
    }

    /** Its forecast category. */
    public ForecastCategory forecastCategory() {
        return category;
    }

    /** The channel it came in through. */
    public Optional<Channel> sourceChannel() {
        return Optional.ofNullable(sourceChannel);
    }

    /** The id of the campaign it came from. */
    public Optional<UUID> sourceCampaign() {
        return Optional.ofNullable(sourceCampaign);
    }

    /** Whether it is open, won or lost. */
    public OpportunityStatus status() {
        return status;
    }

    /** Why it was won or lost. */
    public Optional<String> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** When it was won or lost. */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Every stage and status it entered, oldest first, ending in the current one. */
    public List<StageChange> history() {
        return history;
    }

    /** When and by whom it was created and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version; 0 for an opportunity not stored yet. */
    public long version() {
        return version;
    }

    /**
     * This opportunity moved to stage {@code next} of its pipeline, taking that stage's forecast
     * category.
     *
     * @throws IllegalTransitionException when it is closed, or {@code next} is retired or the stage it is in
     */
    public Opportunity movedTo(Stage next, Instant at, Actor by) {
        requireOpen("move to " + next.name());
        if (next.retired() || next.id().equals(stage)) {
            throw new IllegalTransitionException(
                    "Opportunity " + id,
                    stage,
                    next.id(),
                    next.retired() ? "a stage that is not retired" : "another stage");
        }
        Builder b = toBuilder();
        b.stage = next.id();
        b.category = next.category();
        b.history = append(new StageChange(next.id(), OpportunityStatus.OPEN, at, by));
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /**
     * This opportunity closed as {@code outcome} (won or lost) for {@code reason}.
     *
     * @throws IllegalTransitionException when it is closed already
     */
    public Opportunity closed(OpportunityStatus outcome, String reason, Instant at, Actor by) {
        if (outcome == OpportunityStatus.OPEN) {
            throw new ValidationException("outcome", "must be WON or LOST");
        }
        requireOpen("close as " + outcome);
        Builder b = toBuilder();
        b.status = outcome;
        b.closeReason = reason;
        b.closedAt = at;
        b.category = outcome == OpportunityStatus.WON ? ForecastCategory.CLOSED : ForecastCategory.OMITTED;
        b.history = append(new StageChange(stage, outcome, at, by));
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /**
     * This closed opportunity open again in {@code stage}.
     *
     * @throws IllegalTransitionException when it is open, or {@code stage} is retired
     */
    public Opportunity reopened(Stage stage, Instant at, Actor by) {
        if (status == OpportunityStatus.OPEN) {
            throw new IllegalTransitionException("Opportunity " + id, status, "reopen", "WON or LOST only");
        }
        if (stage.retired()) {
            throw new IllegalTransitionException(
                    "Opportunity " + id, status, stage.id(), "a stage that is not retired");
        }
        Builder b = toBuilder();
        b.status = OpportunityStatus.OPEN;
        b.stage = stage.id();
        b.category = stage.category();
        b.closeReason = null;
        b.closedAt = null;
        b.history = append(new StageChange(stage.id(), OpportunityStatus.OPEN, at, by));
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** This opportunity at {@code version}, as a store returns it after saving. */
    public Opportunity withVersion(long version) {
        Builder b = toBuilder();
        b.version = version;
        return b.build();
    }

    private void requireOpen(String what) {
        if (status != OpportunityStatus.OPEN) {
            throw new IllegalTransitionException("Opportunity " + id, status, what, "reopen it first");
        }
    }

    private List<StageChange> append(StageChange change) {
        List<StageChange> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(change);
        return longer;
    }

    private static Money sum(List<LineItem> lines) {
        Money total = null;
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = ValidationException.requireNonNull(lines.get(i), "opportunity.lines[" + i + "]");
            if (total != null && !total.currency().equals(line.unitPrice().currency())) {
                throw new ValidationException(
                        "opportunity.lines[" + i + "]",
                        "is in " + line.unitPrice().currency() + ", the others in " + total.currency());
            }
            total = total == null ? line.total() : total.plus(line.total());
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opportunity x
                && version == x.version
                && id.equals(x.id)
                && tenant.equals(x.tenant)
                && customer.equals(x.customer)
                && owner.equals(x.owner)
                && pipeline.equals(x.pipeline)
                && name.equals(x.name)
                && amount.equals(x.amount)
                && lines.equals(x.lines)
                && expectedClose.equals(x.expectedClose)
                && stage.equals(x.stage)
                && Objects.equals(probabilityOverride, x.probabilityOverride)
                && Objects.equals(predictedProbability, x.predictedProbability)
                && category == x.category
                && sourceChannel == x.sourceChannel
                && Objects.equals(sourceCampaign, x.sourceCampaign)
                && status == x.status
                && Objects.equals(closeReason, x.closeReason)
                && Objects.equals(closedAt, x.closedAt)
                && history.equals(x.history)
                && audit.equals(x.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Opportunity[" + id + " '" + name + "' " + status + " in " + stage + ", " + amount + ", owner " + owner
                + ", v" + version + "]";
    }

    /** Assembles an opportunity; {@link #build} validates it. Not thread-safe. */
    public static final class Builder {
        private OpportunityId id;
        private TenantId tenant;
        private CustomerId customer;
        private StaffId owner;
        private PipelineId pipeline;
        private String name;
        private Money amount;
        private List<LineItem> lines = List.of();
        private LocalDate expectedClose;
        private StageId stage;
        private Integer probabilityOverride;
        private Integer predictedProbability;
        private ForecastCategory category = ForecastCategory.PIPELINE;
        private Channel sourceChannel;
        private UUID sourceCampaign;
        private OpportunityStatus status = OpportunityStatus.OPEN;
        private String closeReason;
        private Instant closedAt;
        private List<StageChange> history;
        private Audit audit;
        private long version;

        private Builder() {}

        /** What it is worth; for one with lines, null or their sum. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Its line items. */
        public Builder lines(List<LineItem> lines) {
            this.lines = lines;
            return this;
        }

        /** The owner. */
        public Builder owner(StaffId owner) {
            this.owner = owner;
            return this;
        }

        /** The name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** When it should close. */
        public Builder expectedClose(LocalDate expectedClose) {
            this.expectedClose = expectedClose;
            return this;
        }

        /** The win probability in percent set by hand; null for the stage's. */
        public Builder probabilityOverride(Integer percent) {
            this.probabilityOverride = percent;
            return this;
        }

        /** The win probability in percent a model predicted; null for none. */
        public Builder predictedProbability(Integer percent) {
            this.predictedProbability = percent;
            return this;
        }

        /** The forecast category. */
        public Builder forecastCategory(ForecastCategory category) {
            this.category = category;
            return this;
        }

        /** The channel it came in through; null for none. */
        public Builder sourceChannel(Channel channel) {
            this.sourceChannel = channel;
            return this;
        }

        /** The campaign it came from; null for none. */
        public Builder sourceCampaign(UUID campaign) {
            this.sourceCampaign = campaign;
            return this;
        }

        /** Open, won or lost; a store restores it with {@link #closedAt} and {@link #closeReason}. */
        public Builder status(OpportunityStatus status) {
            this.status = status;
            return this;
        }

        /** Why it was closed; null while open. */
        public Builder closeReason(String reason) {
            this.closeReason = reason;
            return this;
        }

        /** When it was closed; null while open. */
        public Builder closedAt(Instant at) {
            this.closedAt = at;
            return this;
        }

        /** Its full stage history, oldest first, ending in the current stage and status. */
        public Builder history(List<StageChange> history) {
            this.history = history;
            return this;
        }

        /** The audit. */
        public Builder audit(Audit audit) {
            this.audit = audit;
            return this;
        }

        /** The stored version. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Builds the opportunity.
         *
         * @throws ValidationException naming the first field that is missing or inconsistent
         */
        public Opportunity build() {
            return new Opportunity(this);
        }
    }
}
