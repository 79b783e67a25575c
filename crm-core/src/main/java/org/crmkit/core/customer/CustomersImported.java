package org.crmkit.core.customer;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/**
 * Customers were created in bulk by {@link CustomerService#createAll}. One event stands for the
 * whole import, instead of a {@link CustomerEvent.CustomerCreated} per customer, so that an import of
 * millions holds no event per row until it commits.
 *
 * @param tenant the tenant
 * @param occurredAt when the import started
 * @param actor who imported them
 * @param count how many customers were created
 */
public record CustomersImported(TenantId tenant, Instant occurredAt, Actor actor, long count) implements DomainEvent {}
