package org.crmkit.core.segment;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.crmkit.core.common.TimeBounds;
import org.crmkit.core.common.ValidationException;

/**
 * Which orders RFM scoring reads: those placed before {@code asOf} (and from {@code since} when
 * given) in {@code currency}. Orders in other currencies are not counted at all, neither in frequency
 * nor in monetary value, so that amounts of different currencies are never added.
 *
 * @param asOf the moment the scores describe; recency counts the days from the last order to it
 * @param since the earliest order counted; empty for the whole history
 * @param currency the currency of the orders counted
 */
public record RfmQuery(Instant asOf, Optional<Instant> since, Currency currency) {

    /** Validates the query. */
    public RfmQuery {
        TimeBounds.require(asOf, "asOf");
        ValidationException.requireNonNull(since, "since");
        since.ifPresent(s -> {
            TimeBounds.require(s, "since");
            if (!s.isBefore(asOf)) {
                throw new ValidationException("since", "must be before asOf (" + asOf + "), was " + s);
            }
        });
        ValidationException.requireNonNull(currency, "currency");
    }

    /** The orders in {@code currency} placed before {@code asOf}. */
    public static RfmQuery asOf(Instant asOf, Currency currency) {
        return new RfmQuery(asOf, Optional.empty(), currency);
    }

    /** This query counting only the orders placed from {@code since}. */
    public RfmQuery since(Instant since) {
        return new RfmQuery(asOf, Optional.of(ValidationException.requireNonNull(since, "since")), currency);
    }
}
