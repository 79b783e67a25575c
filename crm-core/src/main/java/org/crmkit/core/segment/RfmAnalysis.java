package org.crmkit.core.segment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.ValidationException;

/**
 * RFM scoring for one tenant: each customer's recency, frequency and monetary value from the order
 * history, scored 1–5 within the tenant ({@link RfmScore}), and the named groups ({@link RfmGroup}).
 * The store scores (in SQL, for the JDBC store); each method reads in one unit of work (or joins
 * the caller's). Obtain it from {@code crm.forTenant(tenant).as(actor).rfm()}. Thread-safe.
 */
public final class RfmAnalysis {
    private final ServiceContext context;
    private final RfmScores scores;

    /** Creates the analysis over one tenant's port; the {@code CrmScope} does this for hosts. */
    public RfmAnalysis(ServiceContext context, RfmScores scores) {
        this.context = Objects.requireNonNull(context, "context");
        this.scores = Objects.requireNonNull(scores, "scores");
    }

    /**
     * One page of the scored customers, by customer id.
     *
     * @throws ValidationException naming {@code query} or {@code page} when missing, or {@code
     *     page.cursor} for a cursor of another list
     */
    public Page<RfmScore> scores(RfmQuery query, PageRequest page) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        return context.transactions().inTransaction(() -> scores.scores(query, page));
    }

    /**
     * The RFM grid: how many customers have each pair of recency and frequency scores.
     *
     * @throws ValidationException naming {@code query} when missing
     */
    public List<RfmCell> grid(RfmQuery query) {
        ValidationException.requireNonNull(query, "query");
        return context.transactions().inTransaction(() -> scores.grid(query));
    }

    /**
     * How many customers each named group has, every group present (zero when empty), in the
     * groups' order.
     *
     * @throws ValidationException naming {@code query} when missing
     */
    public Map<RfmGroup, Long> groups(RfmQuery query) {
        Map<RfmGroup, Long> groups = new EnumMap<>(RfmGroup.class);
        for (RfmGroup group : RfmGroup.values()) {
            groups.put(group, 0L);
        }
        for (RfmCell cell : grid(query)) {
            groups.merge(cell.group(), cell.customers(), Long::sum);
        }
        return groups;
    }
}
