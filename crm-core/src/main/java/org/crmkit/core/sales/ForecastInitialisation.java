package org.crmkit.core.sales;

/** How {@link RevenueForecast} sets the starting level, trend and seasonal indices before smoothing. */
public enum ForecastInitialisation {
    /**
     * The heuristic of Hyndman, Koehler, Ord and Snyder (2008, §2.6.1), which "Forecasting:
     * Principles and Practice" (ch. 8) builds on: seasonal indices from a 2×m moving average over
     * the first (up to three) seasons, then level and trend as the intercept and slope of a straight
     * line through the first max(10, 2m) seasonally adjusted totals (the first 10 without a season).
     * Every period is then smoothed and counted in the errors. The default, and the only one the
     * automatic choice uses.
     */
    HEURISTIC,
    /**
     * The start of R's {@code HoltWinters()}: a classical decomposition of the first two seasons
     * (level and trend from a straight line through its moving average, the indices from its
     * seasonal figure), smoothing from the second season on; without a season the level starts at
     * the second total and the trend at the first difference. Offered to reproduce R's published
     * fits; the errors then cover fewer periods, so its fits are not compared with heuristic ones.
     */
    CLASSICAL_DECOMPOSITION
}
