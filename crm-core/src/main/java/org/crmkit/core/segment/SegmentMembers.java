package org.crmkit.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.spi.CrmStore;

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
     * The port answered in memory over what the repositories of {@code store} for {@code tenant}
     * hold, read in pages: the reference evaluation.
     */
    static SegmentMembers scanning(CrmStore store, TenantId tenant) {
        ValidationException.requireNonNull(store, "store");
        ValidationException.requireNonNull(tenant, "tenant");
        return (rule, now, currency, page) -> {
            ValidationException.requireNonNull(rule, "rule");
            ValidationException.requireNonNull(now, "now");
            ValidationException.requireNonNull(currency, "currency");
            ValidationException.requireNonNull(page, "page");
            Optional<UUID> after = IdCursor.start(page);
            Activities activities = new Activities(store, tenant, now, currency, readsContacts(rule));
            int depth = organisationDepth(rule);
            List<Customer> customers = new ArrayList<>();
            forEach(p -> store.customers(tenant).list(CustomerQuery.all(), p), customers::add);
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

    /** Reads every page {@code read} gives, in order, handing each item to {@code action}. */
    private static <T> void forEach(Function<PageRequest, Page<T>> read, java.util.function.Consumer<T> action) {
        Optional<PageCursor> next = Optional.empty();
        do {
            Page<T> page = read.apply(next.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500)));
            page.items().forEach(action);
            next = page.next();
        } while (next.isPresent());
    }

    /** What each customer of a tenant did, read once per evaluation. Not thread-safe. */
    final class Activities {
        private final CrmStore store;
        private final TenantId tenant;
        private final Instant now;
        private final Map<CustomerId, List<CustomerActivity.OrderFact>> orders = new HashMap<>();
        private final Map<CustomerId, Set<String>> openStages = new HashMap<>();
        private final Map<CustomerId, RfmScore> rfm = new HashMap<>();
        private final boolean readsContacts;

        Activities(CrmStore store, TenantId tenant, Instant now, Currency currency, boolean readsContacts) {
            this.store = store;
            this.readsContacts = readsContacts;
            this.tenant = tenant;
            this.now = now;
            forEach(
                    p -> store.orders(tenant).list(p),
                    (Order o) -> orders.computeIfAbsent(o.customer(), k -> new ArrayList<>())
                            .add(new CustomerActivity.OrderFact(o.orderedAt(), o.total())));
            Map<org.crmkit.core.sales.StageId, String> stageNames = new HashMap<>();
            for (Pipeline pipeline : store.pipelines(tenant).all()) {
                for (Stage stage : pipeline.stages()) {
                    stageNames.put(stage.id(), stage.name());
                }
            }
            forEach(p -> store.opportunities(tenant).list(p), (Opportunity o) -> {
                if (o.status() == OpportunityStatus.OPEN && stageNames.containsKey(o.stage())) {
                    openStages
                            .computeIfAbsent(o.customer(), k -> new HashSet<>())
                            .add(stageNames.get(o.stage()));
                }
            });
            RfmScores scores = RfmScores.scanning(store.orders(tenant));
            forEach(p -> scores.scores(RfmQuery.asOf(now, currency), p), (RfmScore s) -> rfm.put(s.customer(), s));
        }

        /** What {@code customer} did, with the organisations {@code depth} levels up. */
        CustomerActivity of(CustomerId customer, int depth) {
            List<CustomerActivity.ContactFact> contacts = new ArrayList<>();
            if (readsContacts) {
                forEach(
                        p -> store.interactions(tenant).timeline(customer, TimelineQuery.all(), p),
                        (Interaction i) -> contacts.add(
                                new CustomerActivity.ContactFact(i.occurredAt(), i.channel(), i.direction())));
            }
            List<CustomerActivity.Organisation> organisations = new ArrayList<>();
            if (depth > 0) {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                for (Relationship r : store.relationships(tenant).findByCustomer(customer)) {
                    if (r.from().equals(customer)
                            && (r.role().equals(RelationshipRole.CONTACT_OF)
                                    || r.role().equals(RelationshipRole.EMPLOYEE_OF))
                            && r.isValidOn(today)) {
                        store.customers(tenant)
                                .findById(r.to())
                                .ifPresent(org -> organisations.add(
                                        new CustomerActivity.Organisation(org, of(org.id(), depth - 1))));
                    }
                }
            }
            return new CustomerActivity(
                    orders.getOrDefault(customer, List.of()),
                    contacts,
                    openStages.getOrDefault(customer, Set.of()),
                    Optional.ofNullable(rfm.get(customer)),
                    organisations);
        }
    }
}
