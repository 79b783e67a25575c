package org.crmkit.core.sales;

/**
 * How well a {@link RevenueForecast}'s model predicted the last periods of its own history: from
 * each rolling origin, the model refitted on the periods before it forecast the next one.
 *
 * @param periods how many periods were predicted
 * @param scored how many of them entered the error (those with an actual total other than zero)
 * @param skippedZeroActuals how many were skipped because their actual total was zero
 * @param mape the mean absolute percentage error over the scored periods, in percent; NaN when no
 *     period was scored (see {@link #hasScore()})
 */
public record BackTest(int periods, int scored, int skippedZeroActuals, double mape) {

    /** Whether at least one period was scored, so that {@link #mape()} is a number. */
    public boolean hasScore() {
        return scored > 0;
    }
}
