package org.crmkit.core.sales;

/**
 * The fitted smoothing parameters of a {@link RevenueForecast}, each in (0, 1); a parameter the
 * method does not have is 0 (phi is 1 for an undamped trend).
 *
 * @param alpha how fast the level follows the totals
 * @param beta how fast the trend follows the change of level
 * @param gamma how fast the seasonal indices follow the season
 * @param phi how much of the trend carries over to the next period (1 when not damped)
 */
public record SmoothingParameters(double alpha, double beta, double gamma, double phi) {}
