package org.crmkit.core.report;

import java.math.MathContext;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * How far one sales rep has come toward the quota of one forecast period: the quotas of the months
 * whose first day lies in the period, against what was won and what the weighted forecast expects,
 * in the quotas' currency (amounts in other currencies are not counted; convert first).
 *
 * @param periodStart the first day of the period
 * @param owner the sales rep
 * @param quota the period's quota
 * @param won the amount of the {@link org.crmkit.core.sales.ForecastCategory#CLOSED} category
 * @param forecast the weighted amount of every category but {@link
 *     org.crmkit.core.sales.ForecastCategory#OMITTED}, won amounts included
 */
public record QuotaAttainment(LocalDate periodStart, StaffId owner, Money quota, Money won, Money forecast) {

    /** Validates the attainment. */
    public QuotaAttainment {
        ValidationException.requireNonNull(periodStart, "periodStart");
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(quota, "quota");
        ValidationException.requireNonNull(won, "won");
        ValidationException.requireNonNull(forecast, "forecast");
        if (!won.currency().equals(quota.currency()) || !forecast.currency().equals(quota.currency())) {
            throw new ValidationException(
                    "quota", "won and forecast must be in the quota's currency " + quota.currency());
        }
    }

    /** Won ÷ quota (1.0 is the quota met); empty when the quota is zero. */
    public OptionalDouble attainment() {
        return ratio(won);
    }

    /** Forecast ÷ quota; empty when the quota is zero. */
    public OptionalDouble forecastAttainment() {
        return ratio(forecast);
    }

    private OptionalDouble ratio(Money amount) {
        return quota.isZero()
                ? OptionalDouble.empty()
                : OptionalDouble.of(amount.amount()
                        .divide(quota.amount(), MathContext.DECIMAL64)
                        .doubleValue());
    }
}
