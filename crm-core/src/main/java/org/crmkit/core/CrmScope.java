package org.crmkit.core;

import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.Transactions;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.interaction.InteractionService;
import org.crmkit.core.report.CrossSelling;
import org.crmkit.core.report.Customer360;
import org.crmkit.core.report.PipelineAnalysis;
import org.crmkit.core.report.SalesAnalysis;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.service.RequestService;
import org.crmkit.core.task.TaskService;

/**
 * The work of one actor on one tenant's data: hands out the services and runs units of work that
 * span them. Obtain it from {@link Crm#forTenant}; cheap to make per request. Thread-safe; a unit of
 * work belongs to the thread that runs it.
 */
public final class CrmScope implements Transactions {
    private final Crm crm;
    private final TenantId tenant;
    private final Actor actor;
    private final ServiceContext context;

    CrmScope(Crm crm, TenantId tenant, Actor actor) {
        this.crm = crm;
        this.tenant = tenant;
        this.actor = actor;
        this.context = new ServiceContext(tenant, actor, crm.clock(), crm.ids(), this, crm.events());
    }

    /** The tenant this scope works on. */
    public TenantId tenant() {
        return tenant;
    }

    /** Who this scope works for. */
    public Actor actor() {
        return actor;
    }

    /** Customers and contact management. */
    public CustomerService customers() {
        return new CustomerService(
                context, crm.store().customers(tenant), crm.store().relationships(tenant), crm.phones());
    }

    /** The interaction history: calls, e-mails, meetings and messages, and each customer's timeline. */
    public InteractionService interactions() {
        return new InteractionService(
                context, crm.store().interactions(tenant), crm.store().customers(tenant));
    }

    /**
     * Whether the calling thread is inside a unit of work: one of this CRM's, or one of the store's
     * (such as a host transaction a JPA store joined).
     */
    @Override
    public boolean inUnitOfWork() {
        return crm.events().buffering() || crm.store().inUnitOfWork();
    }

    /** Service requests: open, route, answer and resolve them, and see what is overdue. */
    public RequestService requests() {
        var store = crm.store();
        return new RequestService(
                context,
                store.requests(tenant),
                store.customers(tenant),
                store.interactions(tenant),
                store.rotations(tenant),
                crm.serviceLevels(),
                crm.requestRouting());
    }

    /** Sales: pipelines, opportunities from lead to won or lost, and orders. */
    public SalesService sales() {
        var store = crm.store();
        return new SalesService(
                context,
                store.pipelines(tenant),
                store.opportunities(tenant),
                store.orders(tenant),
                store.customers(tenant),
                customers(),
                store.rotations(tenant),
                crm.leadRouting(),
                store.quotas(tenant));
    }

    /** Cross-selling: products bought together, and what a customer may want next. */
    public CrossSelling crossSelling() {
        var store = crm.store();
        return new CrossSelling(store.productBaskets(tenant), store.customers(tenant));
    }

    /**
     * Sales analysis: revenue, orders, average order value and margin per customer, owner, product
     * and channel over any period, top customers and purchase frequency, summed by the store.
     */
    public SalesAnalysis salesAnalysis() {
        var store = crm.store();
        return new SalesAnalysis(context, store.orders(tenant), store.customers(tenant));
    }

    /**
     * Pipeline analysis and forecasting: the funnel of a pipeline, calibrated stage probabilities
     * and the weighted pipeline per period with quota attainment, summed by the store.
     */
    public PipelineAnalysis pipelineAnalysis() {
        var store = crm.store();
        return new PipelineAnalysis(
                context, store.pipelines(tenant), store.pipelineTotals(tenant), store.quotas(tenant));
    }

    /** Tasks, reminders and contact cadences. */
    public TaskService tasks() {
        var store = crm.store();
        return new TaskService(
                context,
                store.tasks(tenant),
                store.customers(tenant),
                store.interactions(tenant),
                store.requests(tenant));
    }

    /**
     * The whole picture of customer {@code id} with its 20 latest interactions: {@link
     * #customer360(CustomerId, int)}.
     */
    public Customer360 customer360(CustomerId id) {
        return customer360(id, 20);
    }

    /**
     * The whole picture of customer {@code id}: profile, the {@code recent} latest interactions,
     * contact per channel, open requests, open tasks, open opportunities and latest orders, read in
     * one unit of work with a fixed number of queries.
     *
     * @throws org.crmkit.core.common.NotFoundException when the tenant has no such customer
     * @throws ValidationException naming {@code page.size} when {@code recent} is not 1–1000
     */
    public Customer360 customer360(CustomerId id, int recent) {
        var store = crm.store();
        return inTransaction(() -> Customer360.read(
                id,
                recent,
                context.now(),
                store.customers(tenant),
                store.interactions(tenant),
                store.requests(tenant),
                store.tasks(tenant),
                store.opportunities(tenant),
                store.orders(tenant)));
    }

    /**
     * Runs {@code work} as one unit of work: every change in it commits together or none does, and
     * the events it causes reach the listeners only after commit (for a store that joins the host's
     * transactions, when the host commits: {@link org.crmkit.core.spi.CrmStore#afterCommit}). Nested calls join the outer one.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        ValidationException.requireNonNull(work, "work");
        EventDispatcher events = crm.events();
        if (events.buffering()) {
            return crm.store().inTransaction(work);
        }
        events.begin();
        T result;
        try {
            result = crm.store().inTransaction(work);
        } catch (RuntimeException | Error e) {
            events.end(); // rolled back: the events never happened
            throw e;
        }
        List<DomainEvent> happened = events.end();
        if (!happened.isEmpty()) {
            crm.store().afterCommit(() -> events.deliverAll(happened));
        }
        return result;
    }
}
