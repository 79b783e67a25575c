package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.Router;
import org.crmkit.core.routing.RoutingSubject;
import org.crmkit.core.sales.SalesEvent.OpportunityCreated;
import org.crmkit.core.sales.SalesEvent.OpportunityStageChanged;
import org.crmkit.core.sales.SalesEvent.OrderRecorded;
import org.crmkit.core.sales.SalesEvent.PipelineChanged;

/**
 * Sales for one tenant and actor: pipelines and their stages, opportunities from lead to won or
 * lost, and orders. Obtain it from {@code crm.forTenant(tenant).as(actor).sales()}; the routing of
 * new leads is configured on the {@code Crm} builder.
 *
 * <p>Every method is one unit of work (or joins the caller's), validates before writing and
 * publishes its events after commit; a change that meets a concurrent change of the same aggregate
 * is run again from fresh data when the method started the unit of work. Thread-safe.
 */
public final class SalesService {
    /** How many order drafts {@link #recordOrders} checks and records at a time. */
    public static final int CHUNK_SIZE = 1000;

    private final ServiceContext context;
    private final PipelineRepository pipelines;
    private final OpportunityRepository opportunities;
    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final CustomerService customerService;
    private final RotationRepository rotations;
    private final AssignmentStrategy leadRouting;
    private final QuotaRepository quotas;

    /**
     * Creates the service; the {@code Crm} facade does this for hosts.
     *
     * @param leadRouting who gets new opportunities whose draft and customer name no owner; {@code
     *     null} makes such drafts invalid
     */
    public SalesService(
            ServiceContext context,
            PipelineRepository pipelines,
            OpportunityRepository opportunities,
            OrderRepository orders,
            CustomerRepository customers,
            CustomerService customerService,
            RotationRepository rotations,
            AssignmentStrategy leadRouting,
            QuotaRepository quotas) {
        this.context = Objects.requireNonNull(context, "context");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.opportunities = Objects.requireNonNull(opportunities, "opportunities");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.customerService = Objects.requireNonNull(customerService, "customerService");
        this.rotations = Objects.requireNonNull(rotations, "rotations");
        this.leadRouting = leadRouting;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    // ---- pipelines -----------------------------------------------------------------------------

    /**
     * Creates the pipeline {@code draft} describes.
     *
     * @throws ValidationException naming the first invalid field ({@code pipeline.stages[i]} for a
     *     repeated stage name, {@code stage.probability} for one outside 0–100, …)
     */
    public Pipeline createPipeline(PipelineDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < draft.stageNames.size(); i++) {
            stages.add(new Stage(
                    new StageId(context.ids().next()),
                    draft.stageNames.get(i),
                    draft.probabilities.get(i),
                    draft.categories.get(i),
                    false));
        }
        Instant now = context.now();
        Pipeline pipeline = Pipeline.restore(
                new PipelineId(context.ids().next()),
                context.tenant(),
                draft.name,
                stages,
                draft.wonReasons,
                draft.lostReasons,
                Audit.created(now, context.actor()),
                0);
        return context.transactions().inTransaction(() -> publish(pipelines.save(pipeline), now));
    }

    /** Adds a stage at {@code position} (0 first) of pipeline {@code id}. */
    public Pipeline addStage(PipelineId id, String name, int probability, ForecastCategory category, int position) {
        return changePipeline(
                id,
                (p, now) -> p.withStage(
                        new Stage(new StageId(context.ids().next()), name, probability, category, false),
                        position,
                        now,
                        context.actor()));
    }

    /** Renames stage {@code stage} of pipeline {@code id}; opportunities in it stay. */
    public Pipeline renameStage(PipelineId id, StageId stage, String name) {
        return changePipeline(id, (p, now) -> p.withStageRenamed(stage, name, now, context.actor()));
    }

    /** Moves stage {@code stage} of pipeline {@code id} to {@code position} (0 first). */
    public Pipeline moveStage(PipelineId id, StageId stage, int position) {
        return changePipeline(id, (p, now) -> p.withStageMoved(stage, position, now, context.actor()));
    }

    /**
     * Retires stage {@code stage} of pipeline {@code id}: it takes no new opportunities, those in it
     * stay and may move on.
     */
    public Pipeline retireStage(PipelineId id, StageId stage) {
        return changePipeline(id, (p, now) -> p.withStageRetired(stage, now, context.actor()));
    }

    /** Replaces the lists of reasons opportunities of pipeline {@code id} may be won and lost for. */
    public Pipeline setReasons(PipelineId id, List<String> won, List<String> lost) {
        return changePipeline(id, (p, now) -> p.withReasons(won, lost, now, context.actor()));
    }

    /**
     * The pipeline with {@code id}.
     *
     * @throws NotFoundException when the tenant has none
     */
    public Pipeline pipeline(PipelineId id) {
        ValidationException.requireNonNull(id, "pipelineId");
        return pipelines.findById(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
    }

    /** Every pipeline of the tenant. */
    public List<Pipeline> pipelines() {
        return pipelines.all();
    }

    // ---- opportunities -------------------------------------------------------------------------

    /**
     * Creates the opportunity {@code draft} describes, in the pipeline's first active stage unless
     * the draft names one. Its owner is the draft's, else the customer's, else the configured lead
     * routing's choice.
     *
     * @throws ValidationException naming the first invalid field: {@code opportunity.customer} or
     *     {@code opportunity.pipeline} for one the tenant lacks, {@code stageId} for a stage the
     *     pipeline lacks or has retired, {@code opportunity.owner} when nobody can own it
     */
    public Opportunity createOpportunity(OpportunityDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        return context.transactions().inTransactionRetryingConflicts(() -> create(draft));
    }

    /**
     * Qualifies the lead {@code customer} into an opportunity: moves the customer from the lead stage
     * to prospect and creates the opportunity {@code draft} describes, in one unit of work.
     *
     * @throws org.crmkit.core.common.IllegalTransitionException when the customer is not a lead
     * @throws ValidationException as {@link #createOpportunity} does, or naming {@code
     *     opportunity.customer} when the draft names another customer
     */
    public Opportunity qualify(CustomerId customer, OpportunityDraft draft) {
        ValidationException.requireNonNull(customer, "customerId");
        ValidationException.requireNonNull(draft, "draft");
        if (!customer.equals(draft.customer)) {
            throw new ValidationException("opportunity.customer", "must be the lead being qualified, " + customer);
        }
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Customer lead = customerService.get(customer);
            if (lead.stage() != LifecycleStage.LEAD) {
                throw new org.crmkit.core.common.IllegalTransitionException(
                        "Customer " + customer, lead.stage(), "qualified", "a customer in stage LEAD");
            }
            customerService.changeStage(customer, LifecycleStage.PROSPECT);
            return create(draft);
        });
    }

    /**
     * Moves opportunity {@code id} to stage {@code stage} of its pipeline.
     *
     * @throws org.crmkit.core.common.IllegalTransitionException when it is closed, or the stage is retired or its current one
     * @throws ValidationException naming {@code stageId} when its pipeline has no such stage
     */
    public Opportunity moveToStage(OpportunityId id, StageId stage) {
        return changeOpportunity(id, (o, p, now) -> o.movedTo(p.requireStage(stage), now, context.actor()));
    }

    /**
     * Closes opportunity {@code id} as won for {@code reason}, one of the pipeline's won reasons when
     * it lists any.
     */
    public Opportunity win(OpportunityId id, String reason) {
        return close(id, OpportunityStatus.WON, reason);
    }

    /**
     * Closes opportunity {@code id} as lost for {@code reason}, one of the pipeline's lost reasons
     * when it lists any.
     */
    public Opportunity lose(OpportunityId id, String reason) {
        return close(id, OpportunityStatus.LOST, reason);
    }

    /**
     * Reopens won or lost opportunity {@code id} in stage {@code stage}.
     *
     * @throws org.crmkit.core.common.IllegalTransitionException when it is open or the stage is retired
     */
    public Opportunity reopen(OpportunityId id, StageId stage) {
        return changeOpportunity(id, (o, p, now) -> o.reopened(p.requireStage(stage), now, context.actor()));
    }

    /** Gives opportunity {@code id} to {@code owner}. */
    public Opportunity reassign(OpportunityId id, StaffId owner) {
        ValidationException.requireNonNull(owner, "owner");
        return changeOpportunity(
                id,
                (o, p, now) -> o.owner().equals(owner)
                        ? o
                        : o.toBuilder()
                                .owner(owner)
                                .audit(o.audit().changed(now, context.actor()))
                                .build());
    }

    /**
     * Scores open opportunity {@code id} with {@code model} and records the predicted win probability,
     * rounded to a whole percent, on it. From then on it is the opportunity's {@link
     * Opportunity#winProbability} unless one is set by hand; the score's factors say why (call {@link
     * WinModel#score} for them). A closed opportunity keeps the prediction it had, which counts again
     * only if it is reopened and scored anew.
     *
     * @throws ValidationException naming {@code opportunity.status} when it is not open, or {@code
     *     opportunity.tenant} when {@code model} is another tenant's
     */
    public Opportunity recordPrediction(OpportunityId id, WinModel model) {
        ValidationException.requireNonNull(model, "model");
        return changeOpportunity(id, (o, p, now) -> {
            int percent = (int) Math.round(model.score(o, p, now).probability());
            return o.predictedProbability().equals(OptionalInt.of(percent))
                    ? o
                    : o.toBuilder()
                            .predictedProbability(percent)
                            .audit(o.audit().changed(now, context.actor()))
                            .build();
        });
    }

    /**
     * The opportunity with {@code id}.
     *
     * @throws NotFoundException when the tenant has none
     */
    public Opportunity opportunity(OpportunityId id) {
        ValidationException.requireNonNull(id, "opportunityId");
        return opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
    }

    /** The open opportunities of {@code customer}, at most {@code limit} (1–1000). */
    public List<Opportunity> openOpportunities(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return opportunities.openForCustomer(customer, PageRequest.requireLimit(limit, "limit"));
    }

    /** One page of the open opportunities owned by {@code owner}, oldest first. */
    public Page<Opportunity> openOwnedBy(StaffId owner, PageRequest page) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(page, "page");
        return opportunities.openOwnedBy(owner, page);
    }

    // ---- orders --------------------------------------------------------------------------------

    /**
     * Records the order {@code draft} describes; when its external id is recorded already, records
     * nothing and returns that order.
     *
     * @throws ValidationException naming the first invalid field: {@code order.customer} or {@code
     *     order.opportunity} for one the tenant lacks
     */
    public Order recordOrder(OrderDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Instant now = context.now();
            Order order = toOrder(draft, now, "order");
            if (order.externalId().isPresent()) {
                Optional<Order> existing =
                        orders.findByExternalId(order.externalId().get());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            checkReferences(List.of(order), List.of("order"));
            Order stored = orders.append(order);
            context.events().publish(new OrderRecorded(context.tenant(), now, context.actor(), stored));
            return stored;
        });
    }

    /**
     * Records every order of {@code drafts} as one unit of work, reading them {@value #CHUNK_SIZE} at
     * a time: all are recorded or, when one is invalid or names a customer or opportunity the tenant
     * lacks, none. Drafts whose external id is recorded already, or given by an earlier draft, are
     * skipped.
     *
     * @return how many orders were recorded
     * @throws ValidationException naming {@code orders[i].field} (such as {@code orders[7].lines}) for
     *     the first bad draft, 0-based; nothing is recorded
     * @throws org.crmkit.core.common.CancelledException when cancelled; nothing is recorded
     */
    public long recordOrders(Iterator<OrderDraft> drafts, ProgressListener progress, Cancellation cancellation) {
        ValidationException.requireNonNull(drafts, "drafts");
        ValidationException.requireNonNull(progress, "progress");
        ValidationException.requireNonNull(cancellation, "cancellation");
        return context.transactions().inTransaction(() -> {
            Instant now = context.now();
            Set<String> seen = new HashSet<>();
            long read = 0;
            long recorded = 0;
            while (drafts.hasNext()) {
                cancellation.throwIfCancelled("Recording orders");
                List<Order> chunk = new ArrayList<>(CHUNK_SIZE);
                List<String> fields = new ArrayList<>(CHUNK_SIZE);
                while (drafts.hasNext() && chunk.size() < CHUNK_SIZE) {
                    String field = "orders[" + read + "]";
                    OrderDraft draft = ValidationException.requireNonNull(drafts.next(), field);
                    read++;
                    Order order = toOrder(draft, now, field);
                    if (order.externalId().isPresent()
                            && !seen.add(order.externalId().get())) {
                        continue;
                    }
                    chunk.add(order);
                    fields.add(field);
                }
                Set<String> existing = orders.existingExternalIds(
                        chunk.stream().flatMap(o -> o.externalId().stream()).toList());
                List<Order> fresh = new ArrayList<>(chunk.size());
                List<String> freshFields = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.get(i).externalId().filter(existing::contains).isEmpty()) {
                        fresh.add(chunk.get(i));
                        freshFields.add(fields.get(i));
                    }
                }
                checkReferences(fresh, freshFields);
                for (Order stored : orders.appendAll(fresh)) {
                    context.events().publish(new OrderRecorded(context.tenant(), now, context.actor(), stored));
                }
                recorded += fresh.size();
                progress.onProgress(read, -1);
            }
            return recorded;
        });
    }

    /**
     * The order with {@code id}.
     *
     * @throws NotFoundException when the tenant has none
     */
    public Order order(OrderId id) {
        ValidationException.requireNonNull(id, "orderId");
        return orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** The latest orders of {@code customer}, newest first, at most {@code limit} (1–1000). */
    public List<Order> latestOrders(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return orders.latestForCustomer(customer, PageRequest.requireLimit(limit, "limit"));
    }

    // ---- internals -----------------------------------------------------------------------------

    private Opportunity create(OpportunityDraft draft) {
        ValidationException.requireNonNull(draft.customer, "opportunity.customer");
        ValidationException.requireNonNull(draft.pipeline, "opportunity.pipeline");
        Customer customer = customers
                .findById(draft.customer)
                .orElseThrow(() -> new ValidationException(
                        "opportunity.customer", "the tenant has no customer " + draft.customer));
        Pipeline pipeline = pipelines
                .findById(draft.pipeline)
                .orElseThrow(() -> new ValidationException(
                        "opportunity.pipeline", "the tenant has no pipeline " + draft.pipeline));
        Stage stage = draft.stage == null ? pipeline.firstStage() : pipeline.requireStage(draft.stage);
        if (stage.retired()) {
            throw new ValidationException("stageId", "stage '" + stage.name() + "' is retired");
        }
        Instant now = context.now();
        StaffId owner =
                draft.owner != null ? draft.owner : customer.owner().orElseGet(() -> routeLead(customer, draft));
        Opportunity opportunity = Opportunity.builder(
                        new OpportunityId(context.ids().next()),
                        context.tenant(),
                        customer.id(),
                        owner,
                        pipeline.id(),
                        draft.name,
                        draft.expectedClose,
                        stage.id(),
                        Audit.created(now, context.actor()))
                .amount(draft.lines.isEmpty() ? draft.amount : null)
                .lines(draft.lines)
                .probabilityOverride(draft.probability)
                .forecastCategory(stage.category())
                .sourceChannel(draft.sourceChannel)
                .sourceCampaign(draft.sourceCampaign)
                .build();
        Opportunity stored = opportunities.save(opportunity);
        context.events().publish(new OpportunityCreated(context.tenant(), now, context.actor(), stored));
        return stored;
    }

    private StaffId routeLead(Customer customer, OpportunityDraft draft) {
        if (leadRouting == null) {
            throw new ValidationException(
                    "opportunity.owner", "is required: the customer has no owner and no lead routing is configured");
        }
        RoutingSubject subject = RoutingSubject.of(RoutingSubject.Kind.LEAD, customer.id());
        if (draft.sourceChannel != null) {
            subject = subject.withChannel(draft.sourceChannel);
        }
        if (customer.preferredLanguage().isPresent()) {
            subject = subject.withLanguage(customer.preferredLanguage().get());
        }
        return new Router(rotations, opportunities::openCountByOwner)
                .route(leadRouting, subject)
                .flatMap(a -> a.assignee())
                .orElseThrow(() -> new ValidationException(
                        "opportunity.owner",
                        "is required: the lead routing chose nobody for customer " + customer.id()));
    }

    private Opportunity close(OpportunityId id, OpportunityStatus outcome, String reason) {
        return changeOpportunity(id, (o, p, now) -> {
            String clean = ValidationException.requireText(reason, "reason", 100);
            List<String> allowed = outcome == OpportunityStatus.WON ? p.wonReasons() : p.lostReasons();
            if (!allowed.isEmpty() && !allowed.contains(clean)) {
                throw new ValidationException("reason", "must be one of " + allowed + ", was '" + clean + "'");
            }
            return o.closed(outcome, clean, now, context.actor());
        });
    }

    private interface PipelineChange {
        Pipeline apply(Pipeline current, Instant now);
    }

    private Pipeline changePipeline(PipelineId id, PipelineChange change) {
        ValidationException.requireNonNull(id, "pipelineId");
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Pipeline current = pipelines.findById(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
            Instant now = context.now();
            return publish(pipelines.save(change.apply(current, now)), now);
        });
    }

    private Pipeline publish(Pipeline stored, Instant now) {
        context.events().publish(new PipelineChanged(context.tenant(), now, context.actor(), stored));
        return stored;
    }

    private interface OpportunityChange {
        Opportunity apply(Opportunity current, Pipeline pipeline, Instant now);
    }

    private Opportunity changeOpportunity(OpportunityId id, OpportunityChange change) {
        ValidationException.requireNonNull(id, "opportunityId");
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Opportunity current =
                    opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
            Pipeline pipeline = pipelines
                    .findById(current.pipeline())
                    .orElseThrow(() -> new NotFoundException("Pipeline", current.pipeline()));
            Instant now = context.now();
            Opportunity changed = change.apply(current, pipeline, now);
            if (changed == current) {
                return current;
            }
            Opportunity stored = opportunities.save(changed);
            if (stored.history().size() > current.history().size()) {
                StageChange added = stored.history().get(stored.history().size() - 1);
                context.events()
                        .publish(new OpportunityStageChanged(context.tenant(), now, context.actor(), added, stored));
            }
            return stored;
        });
    }

    private Order toOrder(OrderDraft draft, Instant now, String field) {
        try {
            return Order.of(
                    new OrderId(context.ids().next()),
                    context.tenant(),
                    draft.customer,
                    draft.orderedAt,
                    draft.lines,
                    draft.cost,
                    draft.channel,
                    draft.opportunity,
                    draft.externalId,
                    Audit.created(now, context.actor()));
        } catch (ValidationException e) {
            throw field.equals("order")
                    ? e
                    : new ValidationException(field + e.field().substring("order".length()), e.reason());
        }
    }

    private void checkReferences(List<Order> batch, List<String> fields) {
        List<CustomerId> wanted = batch.stream().map(Order::customer).distinct().toList();
        Set<CustomerId> known = customers.existingIds(wanted);
        for (int i = 0; i < batch.size(); i++) {
            Order order = batch.get(i);
            String prefix = fields.get(i);
            if (!known.contains(order.customer())) {
                throw new ValidationException(prefix + ".customer", "the tenant has no customer " + order.customer());
            }
            if (order.opportunity().isPresent()
                    && opportunities.findById(order.opportunity().get()).isEmpty()) {
                throw new ValidationException(
                        prefix + ".opportunity",
                        "the tenant has no opportunity " + order.opportunity().get());
            }
        }
    }

    // ---- quotas --------------------------------------------------------------------------------

    /**
     * Sets {@code quota}, replacing the one its owner had for its month.
     *
     * @throws ValidationException naming {@code quota} when it is missing
     */
    public void setQuota(Quota quota) {
        ValidationException.requireNonNull(quota, "quota");
        context.transactions().inTransaction(() -> {
            quotas.put(quota);
            return null;
        });
    }

    /**
     * Removes {@code owner}'s quota for {@code month}; whether there was one.
     *
     * @throws ValidationException naming {@code owner} or {@code month} when missing
     */
    public boolean removeQuota(StaffId owner, java.time.YearMonth month) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(month, "month");
        return context.transactions().inTransaction(() -> quotas.remove(owner, month));
    }

    /**
     * The quotas of the months from {@code from} (inclusive) to {@code to} (exclusive), by month,
     * then owner.
     *
     * @throws ValidationException naming {@code from} or {@code to} when missing
     */
    public List<Quota> quotas(java.time.YearMonth from, java.time.YearMonth to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        return context.transactions().inTransaction(() -> quotas.between(from, to));
    }
}
