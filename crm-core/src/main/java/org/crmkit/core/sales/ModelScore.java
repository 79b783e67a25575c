package org.crmkit.core.sales;

/**
 * One candidate model that {@link RevenueForecast#fit(RevenueSeries)} compared.
 *
 * @param method the method
 * @param sse the one-step-ahead sum of squared errors of its best fit, in the series' units squared
 * @param aicc its corrected Akaike information criterion (lower is better); positive infinity when
 *     the series is too short for the number of parameters
 */
public record ModelScore(ForecastMethod method, double sse, double aicc) {}
