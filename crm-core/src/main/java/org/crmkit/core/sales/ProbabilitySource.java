package org.crmkit.core.sales;

/** Where the win probability that counts for an opportunity comes from, in order of precedence. */
public enum ProbabilitySource {
    /** The opportunity is closed: 100 when won, 0 when lost. */
    CLOSED,
    /** Set by hand on the opportunity. */
    OVERRIDE,
    /** Predicted by a {@link WinModel} and recorded on the opportunity. */
    PREDICTED,
    /** The default of the stage the opportunity is in. */
    STAGE_DEFAULT
}
