package org.crmkit.core.sales;

import org.crmkit.core.common.ValidationException;

/**
 * How often a feature value occurred among won and among lost training opportunities: one row of
 * a {@link WinModel}. With Laplace smoothing, P(value | won) = (won + 1) / (wonOutOf + levels), and
 * likewise for lost.
 *
 * @param factor the feature
 * @param value the value's key (a staff id, {@code channel:WEB_FORM}, {@code campaign:<uuid>}, {@code
 *     none}, {@code EUR:2} for the third amount band, a stage id, the lower end of an age band in days)
 * @param won the won opportunities with the value
 * @param lost the lost opportunities with the value
 * @param wonOutOf the won opportunities the value was counted among
 * @param lostOutOf the lost opportunities the value was counted among
 * @param levels how many values the feature can take there (2 for "reached a stage" and "open at
 *     least so long", the number of distinct values seen otherwise)
 */
public record FactorCount(WinFactor factor, String value, int won, int lost, int wonOutOf, int lostOutOf, int levels) {

    /** Validates the row. */
    public FactorCount {
        ValidationException.requireNonNull(factor, "count.factor");
        ValidationException.requireNonNull(value, "count.value");
        if (won < 0 || lost < 0 || won > wonOutOf || lost > lostOutOf || levels < 1) {
            throw new ValidationException(
                    "count",
                    "needs 0 ≤ won ≤ wonOutOf, 0 ≤ lost ≤ lostOutOf and levels ≥ 1, was " + won + "/" + wonOutOf + ", "
                            + lost + "/" + lostOutOf + ", " + levels);
        }
    }

    /** The value's contribution to the log-odds of winning: ln P(value | won) − ln P(value | lost). */
    public double logLikelihoodRatio() {
        return Math.log((won + 1.0) / (wonOutOf + levels)) - Math.log((lost + 1.0) / (lostOutOf + levels));
    }
}
