package org.crmkit.core.sales;

import java.util.List;

/**
 * The predicted win probability of an open opportunity and why.
 *
 * @param opportunity the opportunity scored
 * @param probability the probability that it will be won, in percent (0–100)
 * @param priorLogOdds the log-odds of the tenant's win rate, before any feature
 * @param logOdds the prior plus every contribution: the log-odds of {@code probability}
 * @param factors every feature's contribution, largest impact (absolute log-odds) first
 */
public record WinScore(
        OpportunityId opportunity,
        double probability,
        double priorLogOdds,
        double logOdds,
        List<FactorContribution> factors) {

    /** Copies the factors. */
    public WinScore {
        factors = List.copyOf(factors);
    }
}
