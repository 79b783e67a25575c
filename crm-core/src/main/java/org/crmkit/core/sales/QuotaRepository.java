package org.crmkit.core.sales;

import java.time.YearMonth;
import java.util.List;
import org.crmkit.core.common.StaffId;

/**
 * The port through which the sales quotas of <em>one tenant</em> are kept: at most one per sales
 * rep and month. No argument may be null; nothing returned is null. Stores keep amounts to the
 * currency's minor unit. Implementations are thread-safe and take part in the store's current unit
 * of work. The {@code crm-testkit} contract {@code QuotaRepositoryContract} states the behaviour.
 */
public interface QuotaRepository {

    /** Stores {@code quota}, replacing the one its owner had for its month. */
    void put(Quota quota);

    /** Removes {@code owner}'s quota for {@code month}; whether there was one. */
    boolean remove(StaffId owner, YearMonth month);

    /**
     * The quotas of the months from {@code from} (inclusive) to {@code to} (exclusive), ordered by
     * month, then owner.
     */
    List<Quota> between(YearMonth from, YearMonth to);
}
