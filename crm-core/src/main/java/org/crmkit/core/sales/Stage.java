package org.crmkit.core.sales;

import org.crmkit.core.common.ValidationException;

/**
 * One open stage of a pipeline. A retired stage takes no new opportunities; those already in it
 * stay and may move on.
 *
 * @param id the stage's id, stable across renames and moves
 * @param name what sales staff call it, 1–100 characters
 * @param probability the default win probability of an opportunity in it, in percent (0–100)
 * @param category the forecast category of an opportunity moved into it
 * @param retired whether it takes no new opportunities
 */
public record Stage(StageId id, String name, int probability, ForecastCategory category, boolean retired) {

    /** Validates the stage. */
    public Stage {
        ValidationException.requireNonNull(id, "stage.id");
        name = ValidationException.requireText(name, "stage.name", 100);
        if (probability < 0 || probability > 100) {
            throw new ValidationException(
                    "stage.probability", "must be a percentage from 0 to 100, was " + probability);
        }
        ValidationException.requireNonNull(category, "stage.category");
    }

    /** This stage named {@code name}. */
    public Stage renamed(String name) {
        return new Stage(id, name, probability, category, retired);
    }

    /** This stage, retired. */
    public Stage asRetired() {
        return new Stage(id, name, probability, category, true);
    }
}
