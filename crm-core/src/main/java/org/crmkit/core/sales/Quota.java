package org.crmkit.core.sales;

import java.time.YearMonth;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * What a sales rep is expected to win in one calendar month. The weighted forecast sets its won and
 * weighted amounts against the quotas of the months a period holds ({@link
 * org.crmkit.core.report.QuotaAttainment}).
 *
 * @param owner the sales rep
 * @param month the month it is for
 * @param amount how much, zero or more
 */
public record Quota(StaffId owner, YearMonth month, Money amount) {

    /** Validates the quota. */
    public Quota {
        ValidationException.requireNonNull(owner, "quota.owner");
        ValidationException.requireNonNull(month, "quota.month");
        ValidationException.requireNonNull(amount, "quota.amount");
        if (amount.isNegative()) {
            throw new ValidationException("quota.amount", "must not be negative, was " + amount);
        }
        if (month.getYear() < 1 || month.getYear() > 9999) {
            throw new ValidationException("quota.month", "must lie in the years 1 to 9999, was " + month);
        }
    }
}
