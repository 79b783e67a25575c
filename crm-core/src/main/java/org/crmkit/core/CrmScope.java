package org.crmkit.core;

import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.Transactions;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.interaction.InteractionService;

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
