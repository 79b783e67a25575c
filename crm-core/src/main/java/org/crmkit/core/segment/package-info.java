/**
 * Marketing segments: RFM scoring of customers from their order history ({@link
 * org.crmkit.core.segment.RfmAnalysis}), with the standard named groups.
 */
package org.crmkit.core.segment;
