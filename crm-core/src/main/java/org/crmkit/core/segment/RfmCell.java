package org.crmkit.core.segment;

/**
 * How many customers have one pair of recency and frequency scores: a cell of the RFM grid a
 * dashboard draws.
 *
 * @param recency the recency score, 1–5
 * @param frequency the frequency score, 1–5
 * @param customers how many customers
 */
public record RfmCell(int recency, int frequency, long customers) {

    /** The group of the cell. */
    public RfmGroup group() {
        return RfmGroup.of(recency, frequency);
    }
}
