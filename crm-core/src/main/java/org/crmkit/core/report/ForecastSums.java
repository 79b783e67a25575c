package org.crmkit.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.StageId;

/**
 * The opportunities of one forecast period, owner, category, stage and currency, as {@link
 * PipelineTotals#forecast} sums them. The amounts are split by where their win probability comes
 * from, so that the stage's part can be weighted by configured or by calibrated probabilities.
 *
 * @param period the index of the period
 * @param owner their owner
 * @param category their forecast category
 * @param stage the stage they are in
 * @param currency their currency
 * @param count how many
 * @param amount their amounts added up, exactly (kept to 4 decimals)
 * @param percentWeighted the amount × percent added up over those whose probability is their own:
 *     100 for the won, else the one set by hand, else the predicted one
 * @param atStageProbability the amounts added up of the open ones with neither, which the stage's
 *     probability weights
 */
public record ForecastSums(
        int period,
        StaffId owner,
        ForecastCategory category,
        StageId stage,
        Currency currency,
        long count,
        BigDecimal amount,
        BigDecimal percentWeighted,
        BigDecimal atStageProbability) {

    /** Validates the sums and scales the amounts to 4 decimals. */
    public ForecastSums {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(category, "category");
        ValidationException.requireNonNull(stage, "stage");
        ValidationException.requireNonNull(currency, "currency");
        amount = ValidationException.requireNonNull(amount, "amount").setScale(4, RoundingMode.UNNECESSARY);
        percentWeighted = ValidationException.requireNonNull(percentWeighted, "percentWeighted")
                .setScale(4, RoundingMode.UNNECESSARY);
        atStageProbability = ValidationException.requireNonNull(atStageProbability, "atStageProbability")
                .setScale(4, RoundingMode.UNNECESSARY);
    }
}
