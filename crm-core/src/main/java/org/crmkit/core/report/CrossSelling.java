package org.crmkit.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;

/**
 * Cross-selling from the order history of one tenant: which products are bought together (support,
 * confidence and lift of the rule "who buys A also buys B"), and which products a customer has not
 * bought yet but is most likely to want, judged by what they did buy. The counting happens in the
 * store ({@link ProductBaskets}); rules are derived here. Obtain it from {@code
 * crm.forTenant(t).as(a).crossSelling()}.
 *
 * <p>Only pairs bought together in at least {@code minPairOrders} orders of the period make rules:
 * a pair seen twice says little, and the threshold keeps the counting bounded. Thread-safe.
 */
public final class CrossSelling {
    private static final Comparator<ProductAffinity> STRONGEST_FIRST = Comparator.comparingDouble(ProductAffinity::lift)
            .reversed()
            .thenComparing(
                    Comparator.comparingDouble(ProductAffinity::confidence).reversed())
            .thenComparing(Comparator.comparingLong(ProductAffinity::orders).reversed())
            .thenComparing(ProductAffinity::product)
            .thenComparing(ProductAffinity::boughtWith);
    private static final Comparator<ProductAffinity> LIKELIEST_FIRST = Comparator.comparingDouble(
                    ProductAffinity::confidence)
            .reversed()
            .thenComparing(Comparator.comparingDouble(ProductAffinity::lift).reversed())
            .thenComparing(ProductAffinity::boughtWith);

    private final ProductBaskets baskets;
    private final CustomerRepository customers;

    /** A cross-selling analysis over {@code baskets}, checking customers in {@code customers}. */
    public CrossSelling(ProductBaskets baskets, CustomerRepository customers) {
        this.baskets = ValidationException.requireNonNull(baskets, "baskets");
        this.customers = ValidationException.requireNonNull(customers, "customers");
    }

    /**
     * The strongest rules of {@code period}, both directions of each pair bought together in at
     * least {@code minPairOrders} orders, by lift, then confidence, then orders (strongest first), at
     * most {@code limit} (1–1000).
     */
    public List<ProductAffinity> affinities(ReportPeriod period, int minPairOrders, int limit) {
        PageRequest.requireLimit(limit, "limit");
        List<ProductAffinity> rules = rules(baskets.count(period, minPairOrders));
        rules.sort(STRONGEST_FIRST);
        return List.copyOf(rules.subList(0, Math.min(limit, rules.size())));
    }

    /**
     * What is bought with {@code product} in {@code period}: its rules, likeliest companion first
     * (by confidence, then lift), at most {@code limit} (1–1000).
     */
    public List<ProductAffinity> boughtWith(String product, ReportPeriod period, int minPairOrders, int limit) {
        ValidationException.requireNonNull(product, "product");
        PageRequest.requireLimit(limit, "limit");
        List<ProductAffinity> rules = new ArrayList<>();
        for (ProductAffinity rule : rules(baskets.count(period, minPairOrders))) {
            if (rule.product().equals(product)) {
                rules.add(rule);
            }
        }
        rules.sort(LIKELIEST_FIRST);
        return List.copyOf(rules.subList(0, Math.min(limit, rules.size())));
    }

    /**
     * The products {@code customer} has never ordered that the rules of {@code period} point to
     * from what they did order, with lift above 1 only (a product bought with theirs no more often
     * than with anything else is no suggestion). Each product is scored by its most confident rule
     * and names the bought product behind it; likeliest first, at most {@code limit} (1–1000).
     *
     * @throws ValidationException naming {@code customerId} when the tenant has no such customer
     */
    public List<ProductSuggestion> suggestionsFor(
            CustomerId customer, ReportPeriod period, int minPairOrders, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        PageRequest.requireLimit(limit, "limit");
        if (customers.existingIds(List.of(customer)).isEmpty()) {
            throw new ValidationException("customerId", "the tenant has no customer " + customer);
        }
        Set<String> bought = baskets.productsBoughtBy(customer);
        Map<String, ProductAffinity> best = new HashMap<>();
        if (!bought.isEmpty()) {
            for (ProductAffinity rule : rules(baskets.count(period, minPairOrders))) {
                if (rule.lift() > 1 && bought.contains(rule.product()) && !bought.contains(rule.boughtWith())) {
                    best.merge(rule.boughtWith(), rule, (a, b) -> LIKELIEST_FIRST.compare(a, b) <= 0 ? a : b);
                }
            }
        }
        List<ProductAffinity> ranked = new ArrayList<>(best.values());
        ranked.sort(LIKELIEST_FIRST);
        List<ProductSuggestion> suggestions = new ArrayList<>(Math.min(limit, ranked.size()));
        for (ProductAffinity rule : ranked.subList(0, Math.min(limit, ranked.size()))) {
            suggestions.add(new ProductSuggestion(rule.boughtWith(), rule.confidence(), rule.lift(), rule.product()));
        }
        return List.copyOf(suggestions);
    }

    /** Both directed rules of every counted pair. */
    static List<ProductAffinity> rules(BasketCounts counts) {
        List<ProductAffinity> rules = new ArrayList<>(counts.pairs().size() * 2);
        double orders = counts.orders();
        for (BasketCounts.PairCount pair : counts.pairs()) {
            long first = counts.productOrders().getOrDefault(pair.first(), 0L);
            long second = counts.productOrders().getOrDefault(pair.second(), 0L);
            if (first == 0 || second == 0) {
                throw new IllegalStateException("the store counted pair " + pair + " without its products");
            }
            double support = pair.orders() / orders;
            double firstConfidence = (double) pair.orders() / first;
            double secondConfidence = (double) pair.orders() / second;
            rules.add(new ProductAffinity(
                    pair.first(),
                    pair.second(),
                    pair.orders(),
                    support,
                    firstConfidence,
                    firstConfidence / (second / orders)));
            rules.add(new ProductAffinity(
                    pair.second(),
                    pair.first(),
                    pair.orders(),
                    support,
                    secondConfidence,
                    secondConfidence / (first / orders)));
        }
        return rules;
    }
}
