package org.crmkit.core.sales;

/** How sure a sales rep is that an opportunity closes in its period, for the forecast. */
public enum ForecastCategory {
    /** Early: counted in the pipeline only. */
    PIPELINE,
    /** Could close in the period. */
    BEST_CASE,
    /** Will close in the period. */
    COMMIT,
    /** Won. */
    CLOSED,
    /** Left out of the forecast. */
    OMITTED
}
