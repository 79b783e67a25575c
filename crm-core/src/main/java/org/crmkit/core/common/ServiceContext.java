package org.crmkit.core.common;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What every service of one unit of work shares: the tenant and actor it works for, the clock, the
 * id generator, the transactions and the event publisher. Built by the {@code Crm} facade.
 *
 * @param tenant the tenant whose data the services touch
 * @param actor who the work is done for
 * @param clock the source of every timestamp
 * @param ids the source of every new id
 * @param transactions runs units of work atomically
 * @param events receives the events the services cause
 */
public record ServiceContext(
        TenantId tenant, Actor actor, Clock clock, IdGenerator ids, Transactions transactions, EventPublisher events) {

    /** Checks that every part is present. */
    public ServiceContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(events, "events");
    }

    /** The current instant by the injected clock. */
    public Instant now() {
        return clock.instant();
    }
}
