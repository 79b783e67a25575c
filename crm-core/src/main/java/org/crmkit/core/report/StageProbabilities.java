package org.crmkit.core.report;

import java.util.Map;
import java.util.OptionalInt;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageId;

/**
 * Win probabilities per stage that replace the stages' configured defaults in a weighted forecast,
 * such as those {@link PipelineAnalysis#calibratedProbabilities} learns. A stage it does not name
 * keeps its default. An opportunity's own probability (set by hand or predicted) still comes first.
 *
 * @param percents the probability in percent (0–100) per stage
 */
public record StageProbabilities(Map<StageId, Integer> percents) {

    /** Validates and copies the probabilities. */
    public StageProbabilities {
        percents = Map.copyOf(ValidationException.requireNonNull(percents, "percents"));
        percents.forEach((stage, percent) -> {
            if (percent < 0 || percent > 100) {
                throw new ValidationException(
                        "percents", "must be percentages from 0 to 100, was " + percent + " for " + stage);
            }
        });
    }

    /** The stages' configured defaults, unchanged. */
    public static StageProbabilities configured() {
        return new StageProbabilities(Map.of());
    }

    /** The probability this names for {@code stage}; empty when it keeps its default. */
    public OptionalInt of(StageId stage) {
        Integer percent = percents.get(stage);
        return percent == null ? OptionalInt.empty() : OptionalInt.of(percent);
    }

    /** The probability of {@code stage}: the one named here, else its configured default. */
    public int probability(Stage stage) {
        return percents.getOrDefault(stage.id(), stage.probability());
    }
}
