package org.crmkit.core.report;

/**
 * An association rule from the order lines: customers who bought {@code product} also bought {@code
 * boughtWith} in the same order.
 *
 * @param product the product in the basket (the rule's antecedent)
 * @param boughtWith the product bought with it (the consequent)
 * @param orders how many orders of the period held both
 * @param support the share of the period's orders that held both, 0–1
 * @param confidence the share of the orders holding {@code product} that also held {@code
 *     boughtWith}, 0–1: how likely the second is, given the first
 * @param lift {@code confidence} divided by the share of all orders holding {@code boughtWith}: above
 *     1 the two go together more often than chance would have it, below 1 less often
 */
public record ProductAffinity(
        String product, String boughtWith, long orders, double support, double confidence, double lift) {}
