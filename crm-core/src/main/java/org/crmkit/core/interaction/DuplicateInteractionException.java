package org.crmkit.core.interaction;

import org.crmkit.core.common.DuplicateException;

/**
 * An interaction would be recorded a second time: its id or its external id is already recorded in
 * the tenant, or the interaction it supersedes is already superseded by another. Nothing was
 * written. Services treat a repeated external id as "already recorded" and return the stored
 * interaction instead; a host sees this exception only from a store used directly, or when it
 * corrects an interaction with an external id that another record has.
 */
public class DuplicateInteractionException extends DuplicateException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    /**
     * Creates the exception.
     *
     * @param field {@code "id"}, {@code "externalId"} or {@code "supersedes"}
     * @param value the value already recorded
     */
    public DuplicateInteractionException(String field, String value) {
        super(message(field, value));
        this.field = field;
        this.value = value;
    }

    /** Which value is already recorded: {@code "id"}, {@code "externalId"} or {@code "supersedes"}. */
    public String field() {
        return field;
    }

    /** The value already recorded. */
    public String value() {
        return value;
    }

    private static String message(String field, String value) {
        return switch (field) {
            case "externalId" -> "An interaction with external id '" + value + "' is already recorded";
            case "supersedes" ->
                "Interaction " + value + " is already superseded by another correction;"
                        + " correct the latest record instead";
            default -> "Interaction " + value + " is already recorded";
        };
    }
}
