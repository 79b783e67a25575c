/**
 * Marketing segments: the rule of a dynamic segment ({@link org.crmkit.core.segment.SegmentRule},
 * with its text syntax and in-memory evaluation over a customer and {@link
 * org.crmkit.core.segment.CustomerActivity}), and RFM scoring of customers from their order history
 * ({@link org.crmkit.core.segment.RfmAnalysis}) with the standard named groups.
 */
package org.crmkit.core.segment;
