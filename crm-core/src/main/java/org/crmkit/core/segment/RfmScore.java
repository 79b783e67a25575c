package org.crmkit.core.segment;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * One customer's recency, frequency and monetary value as of a date, and their scores 1–5 within
 * the tenant. A score is {@code 1 + ⌊5 × (rank − 1) / n⌋}, where {@code n} is how many customers
 * were scored and {@code rank} is 1 plus how many of them have a strictly worse value (more days
 * since their last order; fewer orders; less spent): customers with equal values get equal scores,
 * the score of the first of them, and each score holds about a fifth of the customers unless ties
 * span a boundary.
 *
 * @param customer the customer
 * @param recencyDays whole days from the last order to the query's {@code asOf}
 * @param frequency how many orders
 * @param monetary their totals added up
 * @param recency the recency score, 5 for the most recent
 * @param frequencyScore the frequency score, 5 for the most orders
 * @param monetaryScore the monetary score, 5 for the most spent
 */
public record RfmScore(
        CustomerId customer,
        long recencyDays,
        long frequency,
        Money monetary,
        int recency,
        int frequencyScore,
        int monetaryScore) {

    /** Validates the score. */
    public RfmScore {
        ValidationException.requireNonNull(customer, "customer");
        ValidationException.requireNonNull(monetary, "monetary");
        for (int score : new int[] {recency, frequencyScore, monetaryScore}) {
            if (score < 1 || score > 5) {
                throw new ValidationException("score", "must be 1 to 5, was " + score);
            }
        }
    }

    /** The score of a rank among {@code n}: {@code 1 + ⌊5 × (rank − 1) / n⌋}. */
    public static int score(long rank, long n) {
        return (int) (1 + 5 * (rank - 1) / n);
    }

    /** The named group of the recency and frequency scores. */
    public RfmGroup group() {
        return RfmGroup.of(recency, frequencyScore);
    }

    /** The scores as text, recency first, such as {@code 4-5-3}. */
    public String code() {
        return recency + "-" + frequencyScore + "-" + monetaryScore;
    }
}
