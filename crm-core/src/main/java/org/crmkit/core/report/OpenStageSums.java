package org.crmkit.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.StageId;

/**
 * The open opportunities in one stage and currency, as {@link PipelineTotals#open} sums them.
 *
 * @param stage the stage they are in
 * @param currency their currency
 * @param count how many
 * @param amount their amounts added up, exactly (kept to 4 decimals)
 */
public record OpenStageSums(StageId stage, Currency currency, long count, BigDecimal amount) {

    /** Validates the sums and scales the amount to 4 decimals. */
    public OpenStageSums {
        ValidationException.requireNonNull(stage, "stage");
        ValidationException.requireNonNull(currency, "currency");
        amount = ValidationException.requireNonNull(amount, "amount").setScale(4, RoundingMode.UNNECESSARY);
    }
}
