package org.crmkit.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;

/**
 * What each customer of a tenant did, read through the store's repositories once per evaluation of
 * {@link SegmentMembers#scanning}. Not thread-safe.
 */
final class ScannedActivity {
    private final SegmentSources store;
    private final Instant now;
    private final Map<CustomerId, List<CustomerActivity.OrderFact>> orders = new HashMap<>();
    private final Map<CustomerId, Set<String>> openStages = new HashMap<>();
    private final Map<CustomerId, RfmScore> rfm = new HashMap<>();
    private final boolean readsContacts;

    ScannedActivity(SegmentSources store, Instant now, Currency currency, boolean readsContacts) {
        this.store = store;
        this.readsContacts = readsContacts;
        this.now = now;
        forEach(
                p -> store.orders().list(p),
                (Order o) -> orders.computeIfAbsent(o.customer(), k -> new ArrayList<>())
                        .add(new CustomerActivity.OrderFact(o.orderedAt(), o.total())));
        Map<org.crmkit.core.sales.StageId, String> stageNames = new HashMap<>();
        for (Pipeline pipeline : store.pipelines().all()) {
            for (Stage stage : pipeline.stages()) {
                stageNames.put(stage.id(), stage.name());
            }
        }
        forEach(p -> store.opportunities().list(p), (Opportunity o) -> {
            if (o.status() == OpportunityStatus.OPEN && stageNames.containsKey(o.stage())) {
                openStages.computeIfAbsent(o.customer(), k -> new HashSet<>()).add(stageNames.get(o.stage()));
            }
        });
        RfmScores scores = RfmScores.scanning(store.orders());
        forEach(p -> scores.scores(RfmQuery.asOf(now, currency), p), (RfmScore s) -> rfm.put(s.customer(), s));
    }

    /** What {@code customer} did, with the organisations {@code depth} levels up. */
    CustomerActivity of(CustomerId customer, int depth) {
        List<CustomerActivity.ContactFact> contacts = new ArrayList<>();
        if (readsContacts) {
            forEach(
                    p -> store.interactions().timeline(customer, TimelineQuery.all(), p),
                    (Interaction i) ->
                            contacts.add(new CustomerActivity.ContactFact(i.occurredAt(), i.channel(), i.direction())));
        }
        List<CustomerActivity.Organisation> organisations = new ArrayList<>();
        if (depth > 0) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (Relationship r : store.relationships().findByCustomer(customer)) {
                if (r.from().equals(customer)
                        && (r.role().equals(RelationshipRole.CONTACT_OF)
                                || r.role().equals(RelationshipRole.EMPLOYEE_OF))
                        && r.isValidOn(today)) {
                    store.customers()
                            .findById(r.to())
                            .ifPresent(org ->
                                    organisations.add(new CustomerActivity.Organisation(org, of(org.id(), depth - 1))));
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

    /** Reads every page {@code read} gives, in order, handing each item to {@code action}. */
    static <T> void forEach(Function<PageRequest, Page<T>> read, java.util.function.Consumer<T> action) {
        Optional<PageCursor> next = Optional.empty();
        do {
            Page<T> page = read.apply(next.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500)));
            page.items().forEach(action);
            next = page.next();
        } while (next.isPresent());
    }
}
