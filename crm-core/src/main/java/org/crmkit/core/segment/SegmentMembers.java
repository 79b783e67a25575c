package org.crmkit.core.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;

/**
 * The query port that answers which customers of <em>one tenant</em> a {@link SegmentRule} selects.
 * A store hands one out per tenant ({@code CrmStore.segmentMembers(tenant)}). {@link #scanning}
 * evaluates the rule in memory over every customer and what it did, read through the store's
 * repositories: correct for every store and the reference a store that evaluates in SQL must equal.
 * Archived customers are never members. Thread-safe.
 */
public interface SegmentMembers {

    /**
     * One page of the ids of the customers that match {@code rule} at {@code now}, by id ({@link
     * Ids#ORDER}; cursors of {@link IdCursor}). An {@code rfm} condition reads the scores {@link
     * RfmScores} gives as of {@code now} in {@code currency} over the whole order history.
     */
    Page<CustomerId> members(SegmentRule rule, Instant now, Currency currency, PageRequest page);

    /**
     * The port answered in memory over what the repositories of one tenant hold, read in pages: the
     * reference evaluation.
     */
    static SegmentMembers scanning(SegmentSources store) {
        ValidationException.requireNonNull(store, "sources");
        return (rule, now, currency, page) -> {
            ValidationException.requireNonNull(rule, "rule");
            ValidationException.requireNonNull(now, "now");
            ValidationException.requireNonNull(currency, "currency");
            ValidationException.requireNonNull(page, "page");
            Optional<UUID> after = IdCursor.start(page);
            ScannedActivity activities = new ScannedActivity(store, now, currency, readsContacts(rule));
            int depth = organisationDepth(rule);
            List<Customer> customers = new ArrayList<>();
            ScannedActivity.forEach(p -> store.customers().list(CustomerQuery.all(), p), customers::add);
            customers.sort(Comparator.comparing(c -> c.id().value(), Ids.ORDER));
            List<CustomerId> members = new ArrayList<>();
            for (Customer customer : customers) {
                if (after.isPresent() && Ids.ORDER.compare(customer.id().value(), after.get()) <= 0) {
                    continue;
                }
                if (rule.matches(customer, activities.of(customer.id(), depth), now)) {
                    members.add(customer.id());
                    if (members.size() > page.size()) {
                        break;
                    }
                }
            }
            return IdCursor.page(members, page.size(), CustomerId::value);
        };
    }

    /** Whether {@code rule} has a condition on interactions. */
    private static boolean readsContacts(SegmentRule rule) {
        if (rule instanceof SegmentRule.All all) {
            return all.rules().stream().anyMatch(SegmentMembers::readsContacts);
        }
        if (rule instanceof SegmentRule.Any any) {
            return any.rules().stream().anyMatch(SegmentMembers::readsContacts);
        }
        if (rule instanceof SegmentRule.Not not) {
            return readsContacts(not.rule());
        }
        if (rule instanceof SegmentRule.ContactOf c) {
            return readsContacts(c.organisation());
        }
        return rule instanceof SegmentRule.Inbound
                || (rule instanceof SegmentRule.DaysSince d && d.last() == SegmentRule.LastActivity.INTERACTION);
    }

    /** How deeply {@code rule} nests {@code contact_of}: how many levels of organisations it reads. */
    private static int organisationDepth(SegmentRule rule) {
        if (rule instanceof SegmentRule.All all) {
            return all.rules().stream()
                    .mapToInt(SegmentMembers::organisationDepth)
                    .max()
                    .orElse(0);
        }
        if (rule instanceof SegmentRule.Any any) {
            return any.rules().stream()
                    .mapToInt(SegmentMembers::organisationDepth)
                    .max()
                    .orElse(0);
        }
        if (rule instanceof SegmentRule.Not not) {
            return organisationDepth(not.rule());
        }
        if (rule instanceof SegmentRule.ContactOf c) {
            return 1 + organisationDepth(c.organisation());
        }
        return 0;
    }
}
