package org.crmkit.core.sales;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;

/**
 * The port through which the opportunities of <em>one tenant</em> are kept, each with its line items
 * and stage history in order. No argument may be null; nothing returned is null. Stores keep every
 * part exactly (amounts to the currency's minor unit, quantities and discounts to 4 decimals,
 * instants to the microsecond). Implementations are thread-safe and take part in the store's current
 * unit of work. The {@code crm-testkit} contract {@code OpportunityRepositoryContract} states the
 * behaviour.
 */
public interface OpportunityRepository {

    /** The opportunity with {@code id}; empty when the tenant has none. */
    Optional<Opportunity> findById(OpportunityId id);

    /**
     * Stores {@code opportunity}: inserts it when its version is 0, otherwise replaces the stored one
     * (lines and history included) if that still has the same version.
     *
     * @return the opportunity as stored, with its version one higher
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the stored version differs or an
     *     opportunity with its id is stored already (version 0); nothing is written
     * @throws org.crmkit.core.common.NotFoundException when a version above 0 is given for an
     *     opportunity that is not stored
     * @throws org.crmkit.core.common.ValidationException when it belongs to another tenant
     */
    Opportunity save(Opportunity opportunity);

    /** The open opportunities of {@code customer}, by id, at most {@code limit} (1–1000). */
    List<Opportunity> openForCustomer(CustomerId customer, int limit);

    /**
     * One page of the open opportunities owned by {@code owner}, ordered by id, oldest first (cursors
     * of {@link org.crmkit.core.common.IdCursor}).
     */
    Page<Opportunity> openOwnedBy(StaffId owner, PageRequest page);

    /**
     * One page of all the tenant's opportunities, open and closed, ordered by id (cursors of {@link
     * org.crmkit.core.common.IdCursor}): the scan behind the reference pipeline figures.
     */
    Page<Opportunity> list(PageRequest page);

    /** How many open opportunities each of {@code owners} has; owners with none may be left out. */
    Map<StaffId, Long> openCountByOwner(Collection<StaffId> owners);
}
