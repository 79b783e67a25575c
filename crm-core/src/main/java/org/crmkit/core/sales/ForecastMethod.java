package org.crmkit.core.sales;

/**
 * A member of the exponential smoothing family that {@link RevenueForecast} fits: Holt-Winters with
 * additive or multiplicative seasonality, Holt's linear trend, each optionally damped, and simple
 * exponential smoothing.
 */
public enum ForecastMethod {
    /** Simple exponential smoothing: a level only (parameter alpha). */
    SIMPLE(false, false, false),
    /** Holt's linear method: level and trend (alpha, beta). */
    LINEAR_TREND(true, false, false),
    /** Holt's method with the trend damped by phi, flattening long forecasts (alpha, beta, phi). */
    DAMPED_TREND(true, true, false),
    /** Holt-Winters with additive seasonality: a season adds a fixed amount (alpha, beta, gamma). */
    ADDITIVE_SEASONAL(true, false, true),
    /** Holt-Winters with additive seasonality and a damped trend (alpha, beta, gamma, phi). */
    DAMPED_ADDITIVE_SEASONAL(true, true, true),
    /** Holt-Winters with multiplicative seasonality: a season scales the level (alpha, beta, gamma). */
    MULTIPLICATIVE_SEASONAL(true, false, true),
    /** Holt-Winters with multiplicative seasonality and a damped trend (alpha, beta, gamma, phi). */
    DAMPED_MULTIPLICATIVE_SEASONAL(true, true, true);

    private final boolean trend;
    private final boolean damped;
    private final boolean seasonal;

    ForecastMethod(boolean trend, boolean damped, boolean seasonal) {
        this.trend = trend;
        this.damped = damped;
        this.seasonal = seasonal;
    }

    /** Whether the method has a trend. */
    public boolean hasTrend() {
        return trend;
    }

    /** Whether its trend is damped. */
    public boolean damped() {
        return damped;
    }

    /** Whether it has a seasonal component. */
    public boolean hasSeason() {
        return seasonal;
    }

    /** Whether its seasonal component multiplies the level (and needs positive totals). */
    public boolean multiplicative() {
        return this == MULTIPLICATIVE_SEASONAL || this == DAMPED_MULTIPLICATIVE_SEASONAL;
    }

    int parameterCount() {
        return 1 + (trend ? 1 : 0) + (seasonal ? 1 : 0) + (damped ? 1 : 0);
    }
}
