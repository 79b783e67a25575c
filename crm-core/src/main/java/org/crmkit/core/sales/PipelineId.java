package org.crmkit.core.sales;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a pipeline within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record PipelineId(UUID value) {

    /** Validates the id. */
    public PipelineId {
        ValidationException.requireNonNull(value, "pipelineId");
    }

    /** Parses the textual form of the id. */
    public static PipelineId parse(String text) {
        return new PipelineId(Ids.parse(text, "pipelineId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
