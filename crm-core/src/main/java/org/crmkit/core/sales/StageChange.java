package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ValidationException;

/**
 * One entry of an opportunity's stage history: the stage and status it entered, when and by whom.
 * A close keeps the stage it was closed from, with status won or lost.
 *
 * @param stage the stage entered (for a close, the stage it was closed in)
 * @param status the status entered
 * @param at when
 * @param by who moved it
 */
public record StageChange(StageId stage, OpportunityStatus status, Instant at, Actor by) {

    /** Validates the entry. */
    public StageChange {
        ValidationException.requireNonNull(stage, "history.stage");
        ValidationException.requireNonNull(status, "history.status");
        org.crmkit.core.common.TimeBounds.require(at, "history.at");
        ValidationException.requireNonNull(by, "history.by");
    }
}
