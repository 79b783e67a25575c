package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * A {@link CurrencyConverter} over a table of dated exchange rates: the rate of a day is the latest
 * one given on or before it. A rate given for one direction serves the other as its inverse (to 20
 * significant digits), unless that direction has a rate of its own. Immutable and thread-safe; add
 * rates with {@link #with}.
 *
 * <pre>{@code
 * CurrencyConverter rates = DatedRates.empty()
 *         .with("EUR", "VND", LocalDate.of(2026, 1, 1), "27100")
 *         .with("EUR", "VND", LocalDate.of(2026, 7, 1), "27850");
 * }</pre>
 */
public final class DatedRates implements CurrencyConverter {
    private static final MathContext INVERSE = new MathContext(20);

    private final Map<Pair, NavigableMap<LocalDate, BigDecimal>> rates;

    private DatedRates(Map<Pair, NavigableMap<LocalDate, BigDecimal>> rates) {
        this.rates = rates;
    }

    /** A table without rates: it converts only an amount to its own currency. */
    public static DatedRates empty() {
        return new DatedRates(Map.of());
    }

    /**
     * This table with one more rate: from {@code day} on, one {@code from} buys {@code rate} of
     * {@code to}.
     *
     * @throws ValidationException naming {@code rate} when it is not a positive decimal, or {@code
     *     currency} for an unknown code or a pair of one currency
     */
    public DatedRates with(String from, String to, LocalDate day, String rate) {
        Currency source = Money.currency(from);
        Currency target = Money.currency(to);
        if (source.equals(target)) {
            throw new ValidationException("currency", "a rate needs two currencies, was " + from + " to " + to);
        }
        ValidationException.requireNonNull(day, "day");
        BigDecimal value;
        try {
            value = new BigDecimal(
                    ValidationException.requireNonNull(rate, "rate").strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("rate", "is not a decimal number: '" + rate + "'");
        }
        if (value.signum() <= 0) {
            throw new ValidationException("rate", "must be positive, was " + rate);
        }
        Map<Pair, NavigableMap<LocalDate, BigDecimal>> copy = new HashMap<>();
        rates.forEach((pair, byDay) -> copy.put(pair, new TreeMap<>(byDay)));
        copy.computeIfAbsent(new Pair(source, target), p -> new TreeMap<>()).put(day, value);
        return new DatedRates(Map.copyOf(copy));
    }

    @Override
    public Money convert(Money amount, Currency target, LocalDate day) {
        ValidationException.requireNonNull(amount, "amount");
        ValidationException.requireNonNull(target, "currency");
        ValidationException.requireNonNull(day, "day");
        if (amount.currency().equals(target)) {
            return amount;
        }
        BigDecimal rate = rate(new Pair(amount.currency(), target), day);
        if (rate == null) {
            BigDecimal inverse = rate(new Pair(target, amount.currency()), day);
            if (inverse == null) {
                throw new ValidationException(
                        "currency", "no rate from " + amount.currency() + " to " + target + " on or before " + day);
            }
            rate = BigDecimal.ONE.divide(inverse, INVERSE);
        }
        return Money.of(amount.amount().multiply(rate), target);
    }

    private BigDecimal rate(Pair pair, LocalDate day) {
        NavigableMap<LocalDate, BigDecimal> byDay = rates.get(pair);
        if (byDay == null) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> entry = byDay.floorEntry(day);
        return entry == null ? null : entry.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatedRates other && rates.equals(other.rates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rates);
    }

    @Override
    public String toString() {
        return "DatedRates" + rates.keySet();
    }

    private record Pair(Currency from, Currency to) {}
}
