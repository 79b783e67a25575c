package org.crmkit.core.sales;

import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.common.Money;

/**
 * Converts money between currencies at the rate of a given day: the port through which sales
 * figures in several currencies are brought to one. CRMKit never adds amounts of different
 * currencies without one. The host implements it over its own rate source, or uses {@link
 * DatedRates}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CurrencyConverter {

    /**
     * {@code amount} in {@code target} at the rate that applied on {@code day}, rounded half-even to
     * the target's minor unit; {@code amount} itself when it is in {@code target} already.
     *
     * @throws org.crmkit.core.common.ValidationException naming {@code currency} when no rate is known
     *     for the pair on or before {@code day}
     */
    Money convert(Money amount, Currency target, LocalDate day);
}
