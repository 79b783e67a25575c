package org.crmkit.core.report;

/**
 * A product a customer has not bought yet and may want next, with the reason.
 *
 * @param product the suggested product
 * @param confidence how often orders holding {@code because} also held {@code product}, 0–1; the
 *     suggestion's score
 * @param lift how much more often than chance the two are bought together (above 1)
 * @param because the product the customer bought that points to this one most strongly
 */
public record ProductSuggestion(String product, double confidence, double lift, String because) {}
