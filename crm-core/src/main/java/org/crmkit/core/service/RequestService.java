package org.crmkit.core.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.routing.Assignment;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.Router;
import org.crmkit.core.routing.RoutingSubject;
import org.crmkit.core.service.RequestEvent.InboundRequestOverdue;
import org.crmkit.core.service.RequestEvent.RequestAssigned;
import org.crmkit.core.service.RequestEvent.RequestOpened;
import org.crmkit.core.service.RequestEvent.RequestStatusChanged;

/**
 * The requests of one tenant, for one actor: open them (from inbound interactions or by hand),
 * route and assign them, move them through their statuses, and find what is overdue. Obtain it from
 * {@code crm.forTenant(tenant).as(actor).requests()}; the service-level policy and the routing
 * strategy for new requests are configured on the {@code Crm} builder.
 *
 * <p>Every method is one unit of work (or joins the caller's), validates before writing, and
 * publishes its events after commit. A change that meets a concurrent change of the same request
 * (or a concurrent turn in the same team) is run again from fresh data when the method started the
 * unit of work; inside a host's unit the {@link ConcurrentUpdateException} reaches the host.
 * Thread-safe.
 */
public final class RequestService {
    private static final int OVERDUE_BATCH = 500;

    private final ServiceContext context;
    private final RequestRepository requests;
    private final CustomerRepository customers;
    private final InteractionRepository interactions;
    private final RotationRepository rotations;
    private final ServiceLevelPolicy policy;
    private final AssignmentStrategy routing;

    /**
     * Creates the service; the {@code Crm} facade does this for hosts.
     *
     * @param routing how new requests are routed; {@code null} leaves them unassigned
     */
    public RequestService(
            ServiceContext context,
            RequestRepository requests,
            CustomerRepository customers,
            InteractionRepository interactions,
            RotationRepository rotations,
            ServiceLevelPolicy policy,
            AssignmentStrategy routing) {
        this.context = Objects.requireNonNull(context, "context");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.rotations = Objects.requireNonNull(rotations, "rotations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.routing = routing;
    }

    /**
     * Opens the request {@code draft} describes, with deadlines from the service-level policy, and
     * routes it with the configured strategy. A request opened by an interaction is opened as of when
     * the interaction occurred (or now, if that is later than now), on its channel; when the
     * interaction already opened a request, nothing changes and that request is returned.
     *
     * @return the request as stored
     * @throws ValidationException naming the first invalid field: {@code request.customer} for a
     *     customer the tenant lacks, {@code request.openedBy} for an interaction the tenant lacks,
     *     that is not inbound or in which the customer did not take part
     */
    public Request open(RequestDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        ValidationException.requireNonNull(draft.customer, "request.customer");
        ValidationException.requireText(draft.subject, "request.subject", 300);
        ValidationException.requireNonNull(draft.kind, "request.kind");
        ValidationException.requireNonNull(draft.priority, "request.priority");
        if (draft.topic != null) {
            ValidationException.requireText(draft.topic, "request.topic", 128);
        }
        if (draft.region != null) {
            ValidationException.requireText(draft.region, "request.region", 128);
        }
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Customer customer = customers
                    .findById(draft.customer)
                    .orElseThrow(() -> new ValidationException(
                            "request.customer", "the tenant has no customer " + draft.customer));
            Instant now = context.now();
            Instant openedAt = now;
            var channel = draft.channel;
            if (draft.openedBy != null) {
                Optional<Request> existing = requests.findByOpeningInteraction(draft.openedBy);
                if (existing.isPresent()) {
                    return existing.get();
                }
                Interaction interaction = interactions
                        .findById(draft.openedBy)
                        .orElseThrow(() -> new ValidationException(
                                "request.openedBy", "the tenant has no interaction " + draft.openedBy));
                if (interaction.direction() != Direction.INBOUND) {
                    throw new ValidationException(
                            "request.openedBy",
                            "interaction " + interaction.id() + " is outbound; only an inbound one opens a request");
                }
                if (!interaction.customers().contains(customer.id())) {
                    throw new ValidationException(
                            "request.openedBy",
                            "customer " + customer.id() + " did not take part in interaction " + interaction.id());
                }
                openedAt = interaction.occurredAt().isAfter(now) ? now : interaction.occurredAt();
                if (channel == null) {
                    channel = interaction.channel();
                }
            }
            if (channel == null) {
                channel = org.crmkit.core.common.Channel.EMAIL;
            }
            Request request = Request.builder(
                            new RequestId(context.ids().next()),
                            context.tenant(),
                            customer.id(),
                            draft.subject,
                            openedAt,
                            policy.due(ServiceLevelTarget.FIRST_RESPONSE, channel, draft.priority, openedAt),
                            policy.due(ServiceLevelTarget.RESOLUTION, channel, draft.priority, openedAt),
                            org.crmkit.core.common.Audit.created(now, context.actor()))
                    .channel(channel)
                    .kind(draft.kind)
                    .priority(draft.priority)
                    .topic(draft.topic)
                    .openedBy(draft.openedBy)
                    .build();
            if (routing != null) {
                Optional<Assignment> chosen = router().route(routing, subject(request, customer, draft.region));
                if (chosen.isPresent()) {
                    request = request.assigned(chosen.get(), now, context.actor());
                }
            }
            Request stored = requests.save(request);
            context.events().publish(new RequestOpened(context.tenant(), now, context.actor(), stored));
            return stored;
        });
    }

    /**
     * Gives request {@code id} to {@code assignment}, whoever had it before.
     *
     * @throws NotFoundException when the tenant has no such request
     * @throws IllegalTransitionException when the request is closed
     */
    public Request assign(RequestId id, Assignment assignment) {
        ValidationException.requireNonNull(assignment, "assignment");
        return change(id, (request, now) -> {
            requireNotClosed(request, "assign");
            return request.assignment().filter(assignment::equals).isPresent()
                    ? request
                    : request.assigned(assignment, now, context.actor());
        });
    }

    /**
     * Routes request {@code id} again with {@code strategy} and gives it to whom that chooses; when
     * the strategy chooses nobody, nothing changes.
     *
     * @throws NotFoundException when the tenant has no such request
     * @throws IllegalTransitionException when the request is closed
     */
    public Request route(RequestId id, AssignmentStrategy strategy) {
        ValidationException.requireNonNull(strategy, "strategy");
        return change(id, (request, now) -> {
            requireNotClosed(request, "route");
            Customer customer = customers
                    .findById(request.customer())
                    .orElseThrow(() -> new NotFoundException("Customer", request.customer()));
            return router().route(strategy, subject(request, customer, null))
                    .map(chosen -> request.assigned(chosen, now, context.actor()))
                    .orElse(request);
        });
    }

    /**
     * Moves request {@code id} to {@code status} (see {@link RequestStatus} for the legal moves).
     *
     * @throws NotFoundException when the tenant has no such request
     * @throws IllegalTransitionException when the move is not legal from the current status
     */
    public Request moveTo(RequestId id, RequestStatus status) {
        ValidationException.requireNonNull(status, "status");
        return change(id, (request, now) -> request.movedTo(status, now, context.actor()));
    }

    /** Records that staff answered request {@code id}: {@code moveTo(id, ANSWERED)}. */
    public Request answer(RequestId id) {
        return moveTo(id, RequestStatus.ANSWERED);
    }

    /** Records that staff wait for the customer on request {@code id}: {@code moveTo(id, WAITING_FOR_CUSTOMER)}. */
    public Request awaitCustomer(RequestId id) {
        return moveTo(id, RequestStatus.WAITING_FOR_CUSTOMER);
    }

    /** Resolves request {@code id}: {@code moveTo(id, RESOLVED)}. */
    public Request resolve(RequestId id) {
        return moveTo(id, RequestStatus.RESOLVED);
    }

    /** Closes request {@code id} for good: {@code moveTo(id, CLOSED)}. */
    public Request close(RequestId id) {
        return moveTo(id, RequestStatus.CLOSED);
    }

    /** Reopens request {@code id}: {@code moveTo(id, OPEN)}. */
    public Request reopen(RequestId id) {
        return moveTo(id, RequestStatus.OPEN);
    }

    /**
     * Every passed deadline of the tenant's requests as of {@code now}, earliest due first, and an
     * {@link InboundRequestOverdue} event for each one not announced before. Each deadline is
     * announced once, however often this runs and on however many host instances at the same time:
     * the announcement is stored with the request.
     *
     * <p>Reads the overdue requests {@value #OVERDUE_BATCH} at a time and marks each announced one in
     * a unit of work of its own (joining the caller's, if any), so a long list does not hold one
     * long transaction.
     */
    public List<OverdueRequest> overdue(Instant now) {
        ValidationException.requireNonNull(now, "now");
        List<OverdueRequest> overdue = new ArrayList<>();
        PageRequest page = PageRequest.first(OVERDUE_BATCH);
        while (true) {
            Page<Request> batch = requests.overdue(now, page);
            for (Request found : batch.items()) {
                Request request =
                        found.overdueNotified().containsAll(found.passedAt(now)) ? found : announce(found.id(), now);
                for (ServiceLevelTarget target : request.passedAt(now)) {
                    overdue.add(new OverdueRequest(request, target, request.due(target)));
                }
            }
            if (batch.next().isEmpty()) {
                break;
            }
            page = PageRequest.after(batch.next().get(), OVERDUE_BATCH);
        }
        overdue.sort(Comparator.comparing(OverdueRequest::due)
                .thenComparing(o -> o.request().id().value(), Ids.ORDER)
                .thenComparing(OverdueRequest::target));
        return overdue;
    }

    private Request announce(RequestId id, Instant now) {
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Request request = requests.findById(id).orElseThrow(() -> new NotFoundException("Request", id));
            Set<ServiceLevelTarget> fresh = EnumSet.noneOf(ServiceLevelTarget.class);
            fresh.addAll(request.passedAt(now));
            fresh.removeAll(request.overdueNotified());
            if (fresh.isEmpty()) {
                return request;
            }
            Request stored = requests.save(request.withOverdueNotified(fresh));
            Instant at = context.now();
            for (ServiceLevelTarget target : fresh) {
                context.events()
                        .publish(new InboundRequestOverdue(
                                context.tenant(), at, context.actor(), target, stored.due(target), stored));
            }
            return stored;
        });
    }

    /** The request with {@code id}, if the tenant has it. */
    public Optional<Request> find(RequestId id) {
        return requests.findById(ValidationException.requireNonNull(id, "requestId"));
    }

    /**
     * The request with {@code id}.
     *
     * @throws NotFoundException when the tenant has no such request
     */
    public Request get(RequestId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Request", id));
    }

    /** The request that interaction {@code interaction} opened, if any. */
    public Optional<Request> openedBy(org.crmkit.core.interaction.InteractionId interaction) {
        return requests.findByOpeningInteraction(ValidationException.requireNonNull(interaction, "interactionId"));
    }

    /** One page of the open requests assigned to {@code assignee}, oldest first. */
    public Page<Request> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        return requests.openAssignedTo(assignee, page);
    }

    /** The open requests of {@code customer}, newest first, at most {@code limit} (1–1000). */
    public List<Request> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return requests.openForCustomer(customer, PageRequest.requireLimit(limit, "limit"));
    }

    private interface Change {
        Request apply(Request current, Instant now);
    }

    private Request change(RequestId id, Change change) {
        ValidationException.requireNonNull(id, "requestId");
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Request current = requests.findById(id).orElseThrow(() -> new NotFoundException("Request", id));
            Instant now = context.now();
            Request changed = change.apply(current, now);
            if (changed == current) {
                return current;
            }
            Request stored = requests.save(changed);
            if (stored.status() != current.status()) {
                context.events()
                        .publish(new RequestStatusChanged(
                                context.tenant(), now, context.actor(), current.status(), stored));
            }
            if (!stored.assignment().equals(current.assignment())) {
                context.events().publish(new RequestAssigned(context.tenant(), now, context.actor(), stored));
            }
            return stored;
        });
    }

    private static void requireNotClosed(Request request, String what) {
        if (request.status() == RequestStatus.CLOSED) {
            throw new IllegalTransitionException(
                    "Request " + request.id(), RequestStatus.CLOSED, what, "nothing: a closed request stays as it is");
        }
    }

    private Router router() {
        return new Router(rotations, requests::openCountByAssignee);
    }

    private static RoutingSubject subject(Request request, Customer customer, String region) {
        RoutingSubject subject =
                RoutingSubject.of(RoutingSubject.Kind.REQUEST, customer.id()).withChannel(request.channel());
        if (request.topic().isPresent()) {
            subject = subject.withTopic(request.topic().get());
        }
        if (customer.preferredLanguage().isPresent()) {
            subject = subject.withLanguage(customer.preferredLanguage().get());
        }
        String where = region != null ? region : countryOf(customer);
        if (where != null) {
            subject = subject.withRegion(where);
        }
        if (customer.owner().isPresent()) {
            subject = subject.withCustomerOwner(customer.owner().get());
        }
        return subject;
    }

    private static String countryOf(Customer customer) {
        for (ContactPoint point : customer.contactPoints()) {
            if (point instanceof ContactPoint.Postal postal) {
                return postal.address().country();
            }
        }
        return null;
    }
}
