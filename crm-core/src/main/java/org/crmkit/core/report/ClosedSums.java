package org.crmkit.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.OpportunityStatus;

/**
 * The opportunities of a pipeline closed in a period with one outcome, furthest stage and currency,
 * as {@link PipelineTotals#closed} sums them.
 *
 * @param outcome won or lost
 * @param furthest the position, in the pipeline's {@link org.crmkit.core.sales.Pipeline#stages()},
 *     of the furthest stage they had reached: the highest position among the stages of their
 *     history; -1 when none of those is a stage of the pipeline
 * @param currency their currency
 * @param count how many
 * @param amount their amounts added up, exactly (kept to 4 decimals)
 * @param cycleSeconds their sales cycles added up: for each, the whole seconds from its creation to
 *     its close
 */
public record ClosedSums(
        OpportunityStatus outcome, int furthest, Currency currency, long count, BigDecimal amount, long cycleSeconds) {

    /** Validates the sums and scales the amount to 4 decimals. */
    public ClosedSums {
        ValidationException.requireNonNull(outcome, "outcome");
        if (outcome == OpportunityStatus.OPEN) {
            throw new ValidationException("outcome", "must be WON or LOST");
        }
        ValidationException.requireNonNull(currency, "currency");
        amount = ValidationException.requireNonNull(amount, "amount").setScale(4, RoundingMode.UNNECESSARY);
    }
}
