package org.crmkit.core.customer;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.ConcurrentUpdateException;

/**
 * The port through which relationships between customers of <em>one tenant</em> are stored. No
 * argument may be null; nothing returned is null. Implementations are thread-safe and take part in
 * the store's current unit of work.
 */
public interface RelationshipRepository {

    /** The relationship with {@code id}; empty when the tenant has none. */
    Optional<Relationship> findById(RelationshipId id);

    /**
     * Inserts {@code relationship} when its version is 0, otherwise replaces the stored one of the
     * same version.
     *
     * @return the stored relationship, its version one higher
     * @throws ConcurrentUpdateException when the stored version differs; nothing is written
     */
    Relationship save(Relationship relationship);

    /** Every relationship in which {@code customer} is on either side, oldest first. */
    List<Relationship> findByCustomer(CustomerId customer);
}
