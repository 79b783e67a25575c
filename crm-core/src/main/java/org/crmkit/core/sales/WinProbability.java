package org.crmkit.core.sales;

import org.crmkit.core.common.ValidationException;

/**
 * The win probability that counts for an opportunity, in percent, and where it comes from, so that
 * a forecast can show which figures rest on judgement, on the model or on the stage.
 */
public record WinProbability(int percent, ProbabilitySource source) {

    /** Checks the percentage (0–100) and that a source is given. */
    public WinProbability {
        if (percent < 0 || percent > 100) {
            throw new ValidationException("percent", "must be a percentage from 0 to 100, was " + percent);
        }
        ValidationException.requireNonNull(source, "source");
    }
}
