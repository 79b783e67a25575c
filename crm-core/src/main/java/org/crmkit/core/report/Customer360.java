package org.crmkit.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskRepository;

/**
 * One customer's whole picture, as a service desk or a sales rep opens it: the profile, the latest
 * interactions, contact per channel, open requests and open tasks, and key figures. Read in a fixed
 * number of store queries however long the customer's history is (seven port calls). A value,
 * immutable and thread-safe; obtain it from {@code crm.forTenant(tenant).as(actor).customer360(id)}.
 *
 * <p>Figures over the whole order history (average order value, purchase frequency) come with sales
 * analysis.
 */
public final class Customer360 {
    /** How many open requests and open tasks the picture holds at most. */
    public static final int OPEN_WORK_LIMIT = 50;

    /** How many of the latest orders the picture holds at most. */
    public static final int LATEST_ORDERS = 10;

    private static final double DAYS_PER_MONTH = 365.2425 / 12;

    private final Customer customer;
    private final List<Interaction> recentInteractions;
    private final List<ChannelActivity> activity;
    private final List<Request> openRequests;
    private final List<Task> openTasks;
    private final List<Opportunity> openOpportunities;
    private final List<Order> latestOrders;
    private final Instant asOf;

    private Customer360(
            Customer customer,
            List<Interaction> recentInteractions,
            List<ChannelActivity> activity,
            List<Request> openRequests,
            List<Task> openTasks,
            List<Opportunity> openOpportunities,
            List<Order> latestOrders,
            Instant asOf) {
        this.customer = customer;
        this.recentInteractions = List.copyOf(recentInteractions);
        this.activity = List.copyOf(activity);
        this.openRequests = List.copyOf(openRequests);
        this.openTasks = List.copyOf(openTasks);
        this.openOpportunities = List.copyOf(openOpportunities);
        this.latestOrders = List.copyOf(latestOrders);
        this.asOf = asOf;
    }

    /**
     * Reads the picture of {@code id} from one tenant's repositories; the {@code CrmScope} does this
     * for hosts.
     *
     * @param recent how many of the latest interactions to include, 1–1000
     * @throws NotFoundException when the tenant has no such customer
     */
    public static Customer360 read(
            CustomerId id,
            int recent,
            Instant asOf,
            CustomerRepository customers,
            InteractionRepository interactions,
            RequestRepository requests,
            TaskRepository tasks,
            OpportunityRepository opportunities,
            OrderRepository orders) {
        ValidationException.requireNonNull(id, "customerId");
        PageRequest page = PageRequest.first(recent);
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
        return new Customer360(
                customer,
                interactions.timeline(id, TimelineQuery.all(), page).items(),
                interactions.activity(id),
                requests.openForCustomer(id, OPEN_WORK_LIMIT),
                tasks.openForCustomer(id, OPEN_WORK_LIMIT),
                opportunities.openForCustomer(id, OPEN_WORK_LIMIT),
                orders.latestForCustomer(id, LATEST_ORDERS),
                Objects.requireNonNull(asOf, "asOf"));
    }

    /** The customer's profile. */
    public Customer customer() {
        return customer;
    }

    /** The latest interactions, newest first (corrections instead of what they superseded). */
    public List<Interaction> recentInteractions() {
        return recentInteractions;
    }

    /** Contact per channel over the whole history. */
    public List<ChannelActivity> activity() {
        return activity;
    }

    /** The open requests, newest first, at most {@value #OPEN_WORK_LIMIT}. */
    public List<Request> openRequests() {
        return openRequests;
    }

    /** The open tasks, earliest due first, at most {@value #OPEN_WORK_LIMIT}. */
    public List<Task> openTasks() {
        return openTasks;
    }

    /** The open opportunities, at most {@value #OPEN_WORK_LIMIT}. */
    public List<Opportunity> openOpportunities() {
        return openOpportunities;
    }

    /** The latest orders, newest first, at most {@value #LATEST_ORDERS}. */
    public List<Order> latestOrders() {
        return latestOrders;
    }

    /** When the customer last bought; empty when never. */
    public Optional<Instant> lastPurchaseAt() {
        return latestOrders.stream().map(Order::orderedAt).findFirst();
    }

    /** When the picture was read. */
    public Instant asOf() {
        return asOf;
    }

    /** When the customer was last in contact on any channel; empty when never. */
    public Optional<Instant> lastContactAt() {
        return activity.stream().map(ChannelActivity::lastContactAt).max(Instant::compareTo);
    }

    /** How many interactions the customer took part in, over the whole history. */
    public long interactionCount() {
        return activity.stream().mapToLong(ChannelActivity::total).sum();
    }

    /**
     * Visits and meetings per month since the customer was created (at least one month is counted),
     * over the whole history.
     */
    public double visitsPerMonth() {
        long visits = activity.stream()
                .filter(a -> a.channel() == Channel.VISIT || a.channel() == Channel.MEETING)
                .mapToLong(ChannelActivity::total)
                .sum();
        double months = Duration.between(customer.audit().createdAt(), asOf).toSeconds() / 86_400.0 / DAYS_PER_MONTH;
        return visits / Math.max(1.0, months);
    }

    /** How many open requests are past a deadline at {@link #asOf()}. */
    public long overdueRequestCount() {
        return openRequests.stream().filter(r -> !r.passedAt(asOf).isEmpty()).count();
    }

    /** How many open tasks are past due at {@link #asOf()}. */
    public long overdueTaskCount() {
        return openTasks.stream().filter(t -> t.isOverdueAt(asOf)).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer360 other
                && customer.equals(other.customer)
                && recentInteractions.equals(other.recentInteractions)
                && activity.equals(other.activity)
                && openRequests.equals(other.openRequests)
                && openTasks.equals(other.openTasks)
                && openOpportunities.equals(other.openOpportunities)
                && latestOrders.equals(other.latestOrders)
                && asOf.equals(other.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer.id(), asOf);
    }

    @Override
    public String toString() {
        return "Customer360[" + customer.id() + ", " + recentInteractions.size() + " recent interactions, "
                + openRequests.size() + " open requests, " + openTasks.size() + " open tasks, as of " + asOf + "]";
    }
}
