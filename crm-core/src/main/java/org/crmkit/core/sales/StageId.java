package org.crmkit.core.sales;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a stage within its pipeline.
 *
 * @param value a time-ordered UUID
 */
public record StageId(UUID value) {

    /** Validates the id. */
    public StageId {
        ValidationException.requireNonNull(value, "stageId");
    }

    /** Parses the textual form of the id. */
    public static StageId parse(String text) {
        return new StageId(Ids.parse(text, "stageId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
