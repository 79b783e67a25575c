package org.crmkit.core.sales;

/** A feature of an opportunity that {@link WinPredictor}'s model weighs. */
public enum WinFactor {
    /** The furthest stage of its pipeline it reached ("reached Proposal"). */
    STAGE,
    /** Where it came from: its campaign, else its source channel, else none. */
    SOURCE,
    /** Its amount band: the quartiles of the training amounts in its currency. */
    AMOUNT,
    /** Its owner. */
    OWNER,
    /** How long it has been open ("open ≥ 31 days", "open under 15 days"). */
    AGE
}
