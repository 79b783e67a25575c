package org.crmkit.core.report;

import java.util.List;
import java.util.Map;
import org.crmkit.core.common.ValidationException;

/**
 * How often products were bought, alone and together, by the orders of a period: the counts that
 * cross-selling rules are computed from. An order counts once per product and once per pair of
 * different products however many lines name them.
 *
 * @param orders how many orders of the period have at least one line
 * @param productOrders per product, how many of those orders hold it
 * @param pairs the pairs of different products bought in at least the asked number of the same
 *     orders, each pair once, in no particular order
 */
public record BasketCounts(long orders, Map<String, Long> productOrders, List<PairCount> pairs) {

    /** Copies the maps and lists. */
    public BasketCounts {
        if (orders < 0) {
            throw new ValidationException("orders", "must not be negative, was " + orders);
        }
        productOrders = Map.copyOf(ValidationException.requireNonNull(productOrders, "productOrders"));
        pairs = List.copyOf(ValidationException.requireNonNull(pairs, "pairs"));
    }

    /**
     * Two different products and how many orders hold both; {@code first} sorts before {@code second}
     * by {@link String#compareTo}, so that a pair has one spelling.
     */
    public record PairCount(String first, String second, long orders) {

        /** Checks the order of the two products. */
        public PairCount {
            ValidationException.requireNonNull(first, "first");
            ValidationException.requireNonNull(second, "second");
            if (first.compareTo(second) >= 0) {
                throw new ValidationException("second", "must sort after first (" + first + "), was " + second);
            }
        }

        /** The pair of {@code a} and {@code b}, in either order. */
        public static PairCount of(String a, String b, long orders) {
            return a.compareTo(b) < 0 ? new PairCount(a, b, orders) : new PairCount(b, a, orders);
        }
    }
}
