/**
 * Sales: pipelines, opportunities and orders. A {@link org.crmkit.core.sales.Pipeline} has ordered
 * {@link org.crmkit.core.sales.Stage}s with default win probabilities and forecast categories, and
 * the lists of reasons an opportunity may be won or lost for; stages can be added, renamed, moved and
 * retired without touching the opportunities in them. An {@link org.crmkit.core.sales.Opportunity}
 * moves through its pipeline's stages, keeps its full stage history, and is closed as won or lost
 * with a reason; reopening is an explicit act. An {@link org.crmkit.core.sales.Order} records what a
 * customer bought: the transaction log that sales analysis, RFM and CLV read.
 *
 * <p>Forecast models are values computed from these: {@link org.crmkit.core.sales.RevenueForecast}
 * fits exponential smoothing (Holt-Winters, Holt, simple) to a {@link
 * org.crmkit.core.sales.RevenueSeries} of period totals and forecasts the next periods with
 * prediction intervals and a back-test; {@link org.crmkit.core.sales.WinPredictor} learns a naive
 * Bayes {@link org.crmkit.core.sales.WinModel} from closed opportunities that scores an open one with
 * a win probability and the factors that pushed it up or down.
 *
 * <p>{@link org.crmkit.core.sales.SalesService} is the entry point; {@link
 * org.crmkit.core.sales.PipelineRepository}, {@link org.crmkit.core.sales.OpportunityRepository} and
 * {@link org.crmkit.core.sales.OrderRepository} are the ports a store implements. New leads are
 * distributed among sales staff with the strategies of {@code org.crmkit.core.routing}. This package
 * depends on the customer and routing packages.
 */
package org.crmkit.core.sales;
