package org.crmkit.core.sales;

/**
 * How much one feature of an opportunity pushed its predicted win probability up or down.
 *
 * @param factor the feature
 * @param value the opportunity's value, as a person reads it ({@code "anna"}, {@code "WEB_FORM"},
 *     {@code "reached Proposal"}, {@code "≤ 2000.00 EUR"}, {@code "open ≥ 31 days"}, {@code "open under 15
 *     days"})
 * @param logOdds its contribution to the log-odds of winning (positive pushes up); 0 when unknown
 * @param known whether the training data held the value; an unknown one contributes nothing
 */
public record FactorContribution(WinFactor factor, String value, double logOdds, boolean known) {}
