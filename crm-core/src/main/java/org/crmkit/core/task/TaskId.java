package org.crmkit.core.task;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a task within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record TaskId(UUID value) {

    /** Validates the id. */
    public TaskId {
        ValidationException.requireNonNull(value, "taskId");
    }

    /** Parses the textual form of a task id. */
    public static TaskId parse(String text) {
        return new TaskId(Ids.parse(text, "taskId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
