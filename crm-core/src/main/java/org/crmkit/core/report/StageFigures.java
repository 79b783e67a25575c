package org.crmkit.core.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Stage;

/**
 * One stage of a {@link PipelineReport}: what is open in it now, and how the opportunities closed in
 * the report's period went through it.
 *
 * @param stage the stage, as its pipeline defines it now
 * @param position its position in the pipeline, from 0
 * @param openCount how many open opportunities are in it
 * @param openAmount their amounts, one per currency (by currency code)
 * @param reached how many of the closed opportunities had reached it or a later stage: the sample
 *     size of its calibrated probability
 * @param won how many of those were won
 * @param conversion the share of {@code reached} that reached the next stage; empty for the last
 *     stage or when none reached this one
 */
public record StageFigures(
        Stage stage,
        int position,
        long openCount,
        List<Money> openAmount,
        long reached,
        long won,
        OptionalDouble conversion) {

    /** Validates the figures and copies the list. */
    public StageFigures {
        ValidationException.requireNonNull(stage, "stage");
        openAmount = List.copyOf(ValidationException.requireNonNull(openAmount, "openAmount"));
        ValidationException.requireNonNull(conversion, "conversion");
        if (won > reached) {
            throw new ValidationException("won", "must not exceed reached (" + reached + "), was " + won);
        }
    }

    /** The share of {@link #reached} that was won; empty when none reached this stage. */
    public OptionalDouble winRate() {
        return reached == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) won / reached);
    }

    /**
     * The win probability learned from the closed opportunities, in whole percent (half up); empty
     * when none reached this stage.
     */
    public OptionalInt calibratedProbability() {
        return reached == 0 ? OptionalInt.empty() : OptionalInt.of((int) ((won * 200 + reached) / (2 * reached)));
    }
}
