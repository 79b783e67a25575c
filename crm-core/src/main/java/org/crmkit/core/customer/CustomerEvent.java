package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** What happens to customers, published after the change is committed. */
public sealed interface CustomerEvent extends DomainEvent {

    /** The customer concerned. */
    CustomerId customerId();

    /**
     * A customer was created.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who created it
     * @param customer the customer as stored
     */
    record CustomerCreated(TenantId tenant, Instant occurredAt, Actor actor, Customer customer)
            implements CustomerEvent {
        @Override
        public CustomerId customerId() {
            return customer.id();
        }
    }

    /**
     * A customer's data changed (not only its stage or archive state, which have events of their own).
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who changed it
     * @param before the customer before the change
     * @param after the customer as stored
     * @param changedFields the names of the parts that changed, such as {@code "tags"}
     */
    record CustomerChanged(
            TenantId tenant,
            Instant occurredAt,
            Actor actor,
            Customer before,
            Customer after,
            Set<String> changedFields)
            implements CustomerEvent {
        /** Copies the field names. */
        public CustomerChanged {
            changedFields = Set.copyOf(changedFields);
        }

        @Override
        public CustomerId customerId() {
            return after.id();
        }
    }

    /**
     * A customer moved to another lifecycle stage.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who moved it
     * @param customerId the customer
     * @param from the stage before
     * @param to the stage now
     */
    record CustomerStageChanged(
            TenantId tenant,
            Instant occurredAt,
            Actor actor,
            CustomerId customerId,
            LifecycleStage from,
            LifecycleStage to)
            implements CustomerEvent {}

    /**
     * A customer was archived: hidden from lists, still found by id.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who archived it
     * @param customerId the customer
     */
    record CustomerArchived(TenantId tenant, Instant occurredAt, Actor actor, CustomerId customerId)
            implements CustomerEvent {}

    /**
     * An archived customer was made active again.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who restored it
     * @param customerId the customer
     */
    record CustomerRestored(TenantId tenant, Instant occurredAt, Actor actor, CustomerId customerId)
            implements CustomerEvent {}

    /**
     * Two customers were linked by a relationship.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who linked them
     * @param relationship the relationship as stored
     */
    record CustomersLinked(TenantId tenant, Instant occurredAt, Actor actor, Relationship relationship)
            implements CustomerEvent {
        @Override
        public CustomerId customerId() {
            return relationship.from();
        }
    }
}
