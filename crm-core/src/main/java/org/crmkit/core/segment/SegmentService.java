package org.crmkit.core.segment;

import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * Segments for one tenant: which customers a {@link SegmentRule} selects now. Obtain it from
 * {@code crm.forTenant(tenant).as(actor).segments()}. Each call reads in one unit of work (or joins
 * the caller's). Thread-safe.
 */
public final class SegmentService {
    private final ServiceContext context;
    private final SegmentMembers members;

    /** Creates the service over one tenant's port; the {@code CrmScope} does this for hosts. */
    public SegmentService(ServiceContext context, SegmentMembers members) {
        this.context = Objects.requireNonNull(context, "context");
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * One page of the customers (not archived) that {@code rule} selects at the clock's now, by id;
     * {@code rfm} conditions read scores in {@code currency}.
     *
     * @throws ValidationException naming {@code rule}, {@code currency} or {@code page} when missing,
     *     or {@code page.cursor} for a cursor of another list
     */
    public Page<CustomerId> members(SegmentRule rule, Currency currency, PageRequest page) {
        ValidationException.requireNonNull(rule, "rule");
        ValidationException.requireNonNull(currency, "currency");
        ValidationException.requireNonNull(page, "page");
        return context.transactions().inTransaction(() -> members.members(rule, context.now(), currency, page));
    }

    /**
     * {@link #members(SegmentRule, Currency, PageRequest)} of the rule {@code text} says.
     *
     * @throws RuleSyntaxException when {@code text} is not a rule
     */
    public Page<CustomerId> members(String text, Currency currency, PageRequest page) {
        return members(SegmentRule.parse(text), currency, page);
    }
}
