package org.crmkit.core.task;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** What happens to tasks, published after the change is committed. */
public sealed interface TaskEvent extends DomainEvent {

    /** The task as it is after the change. */
    Task task();

    /**
     * A task was created, by hand or by a contact cadence.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who created it
     * @param task the task as stored
     */
    record TaskCreated(TenantId tenant, Instant occurredAt, Actor actor, Task task) implements TaskEvent {}

    /**
     * A task was changed: done, cancelled, reopened, rescheduled or reassigned.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who changed it
     * @param task the task as stored
     */
    record TaskChanged(TenantId tenant, Instant occurredAt, Actor actor, Task task) implements TaskEvent {}
}
