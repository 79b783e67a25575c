/**
 * Reports: the data behind a host's screens and dashboards, computed from the other concepts and
 * returned as values for the host to draw. {@link org.crmkit.core.report.Customer360} is one
 * customer's whole picture in one call; {@link
 * org.crmkit.core.report.SalesAnalysis} the sales figures per period and dimension, summed by the
 * store. This package depends on the concept packages; none depends
 * on it.
 */
package org.crmkit.core.report;
