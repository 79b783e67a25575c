package org.crmkit.core.service;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** What happens to requests, published after the change is committed. */
public sealed interface RequestEvent extends DomainEvent {

    /** The request as it is after the change. */
    Request request();

    /** The id of the request. */
    default RequestId requestId() {
        return request().id();
    }

    /**
     * A request was opened (and routed, when a strategy chose someone).
     *
     * @param tenant the tenant
     * @param occurredAt when it was opened
     * @param actor who opened it
     * @param request the request as stored
     */
    record RequestOpened(TenantId tenant, Instant occurredAt, Actor actor, Request request) implements RequestEvent {}

    /**
     * A request was given to someone else.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who assigned it
     * @param request the request as stored, with its new assignment
     */
    record RequestAssigned(TenantId tenant, Instant occurredAt, Actor actor, Request request) implements RequestEvent {}

    /**
     * A request moved to another status.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who moved it
     * @param from the status before
     * @param request the request as stored, in its new status
     */
    record RequestStatusChanged(TenantId tenant, Instant occurredAt, Actor actor, RequestStatus from, Request request)
            implements RequestEvent {}

    /**
     * A deadline of a request passed while it was pending. Published once per request and deadline,
     * however often {@link RequestService#overdue} runs and on however many host instances.
     *
     * @param tenant the tenant
     * @param occurredAt when the overdue check found it
     * @param actor who ran the check
     * @param target which deadline passed
     * @param due when it was due
     * @param request the request as stored
     */
    record InboundRequestOverdue(
            TenantId tenant, Instant occurredAt, Actor actor, ServiceLevelTarget target, Instant due, Request request)
            implements RequestEvent {}
}
