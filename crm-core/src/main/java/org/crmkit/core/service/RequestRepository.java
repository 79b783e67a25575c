package org.crmkit.core.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;

/**
 * The port through which the requests of <em>one tenant</em> are kept. A store hands one out per
 * tenant ({@code CrmStore.requests(tenant)}); nothing it returns or changes belongs to another
 * tenant. No argument may be null; nothing returned is null. Stores keep every part of a request
 * exactly, instants to at least the microsecond.
 *
 * <p>The {@code crm-testkit} contract {@code RequestRepositoryContract} states the behaviour every
 * implementation must have. Implementations are thread-safe and take part in the store's current
 * unit of work, if any.
 */
public interface RequestRepository {

    /** The request with {@code id}; empty when the tenant has none. */
    Optional<Request> findById(RequestId id);

    /** The request that the interaction {@code interaction} opened; empty when it opened none. */
    Optional<Request> findByOpeningInteraction(InteractionId interaction);

    /**
     * Stores {@code request}: inserts it when its version is 0, otherwise replaces the stored request
     * if that still has the same version.
     *
     * @return the request as stored, with its version one higher
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the stored version differs, when
     *     a request with its id is stored already (version 0), or when another request was opened by
     *     the same interaction; nothing is written, and a SQL store's unit of work may be unusable
     *     after it
     * @throws org.crmkit.core.common.NotFoundException when a version above 0 is given for a request
     *     that is not stored
     * @throws org.crmkit.core.common.ValidationException when the request belongs to another tenant
     */
    Request save(Request request);

    /**
     * One page of the requests whose {@link Request#nextDeadline()} is before {@code now}, ordered by
     * id (cursors of {@link org.crmkit.core.common.IdCursor}).
     */
    Page<Request> overdue(Instant now, PageRequest page);

    /**
     * One page of the requests assigned to {@code assignee} that are {@linkplain RequestStatus#isOpen()
     * open}, ordered by id, that is oldest first (cursors of {@link org.crmkit.core.common.IdCursor}).
     */
    Page<Request> openAssignedTo(StaffId assignee, PageRequest page);

    /** The {@linkplain RequestStatus#isOpen() open} requests of {@code customer}, newest first by opening time then id, at most {@code limit} (1–1000, else {@link org.crmkit.core.common.ValidationException} naming {@code limit}). */
    List<Request> openForCustomer(CustomerId customer, int limit);

    /**
     * How many {@linkplain RequestStatus#isOpen() open} requests each of {@code assignees} has; staff
     * with none may be left out.
     */
    Map<StaffId, Long> openCountByAssignee(Collection<StaffId> assignees);
}
