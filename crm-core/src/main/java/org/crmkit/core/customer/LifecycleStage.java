package org.crmkit.core.customer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.IllegalTransitionException;

/**
 * Where a customer stands in the relationship: a lead shows interest, a prospect is being worked on,
 * a customer has bought, an inactive customer has stopped buying, a lost one has gone. The legal
 * moves are kept in one table, {@link #allowedNext()}.
 */
public enum LifecycleStage {
    /** Has shown interest, not yet qualified. */
    LEAD,
    /** Qualified and being worked on. */
    PROSPECT,
    /** Has bought. */
    CUSTOMER,
    /** Has stopped buying but may come back. */
    INACTIVE,
    /** Gone: declined, churned or unreachable. Can only be won back as a new lead. */
    LOST;

    private static final Map<LifecycleStage, Set<LifecycleStage>> NEXT = Map.of(
            LEAD, EnumSet.of(PROSPECT, CUSTOMER, LOST),
            PROSPECT, EnumSet.of(LEAD, CUSTOMER, LOST),
            CUSTOMER, EnumSet.of(INACTIVE, LOST),
            INACTIVE, EnumSet.of(CUSTOMER, LOST),
            LOST, EnumSet.of(LEAD));

    /** The stages a customer in this stage may move to. */
    public Set<LifecycleStage> allowedNext() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Whether a customer in this stage may move to {@code next}. */
    public boolean canMoveTo(LifecycleStage next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Checks the move to {@code next}.
     *
     * @throws IllegalTransitionException when the move is not allowed
     */
    void checkMoveTo(LifecycleStage next, CustomerId customer) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException("Customer " + customer, this, next, NEXT.get(this));
        }
    }
}
