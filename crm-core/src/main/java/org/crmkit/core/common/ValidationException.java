package org.crmkit.core.common;

import java.util.Objects;

/**
 * Input was rejected at the boundary: names the offending field and the reason.
 *
 * <p>Nothing is written when this is thrown.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param field the field, as a host would name it ({@code "email"}, {@code "contactPoints[2]"})
     * @param reason why the value was refused, phrased for a user
     */
    public ValidationException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    /** The field that was refused. */
    public String field() {
        return field;
    }

    /** Why the value was refused. */
    public String reason() {
        return reason;
    }

    /** Throws a {@link ValidationException} for {@code field} when {@code value} is null. */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /**
     * Returns {@code value} stripped of surrounding white space, or throws when it is null, blank
     * or longer than {@code maxLength}.
     */
    public static String requireText(String value, String field, int maxLength) {
        requireNonNull(value, field);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (stripped.length() > maxLength) {
            throw new ValidationException(field, "must be at most " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return requireStorableText(stripped, field);
    }

    /**
     * Returns {@code value}, or throws when it holds what no database can store: the NUL character or
     * a surrogate half without its pair.
     */
    public static String requireStorableText(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new ValidationException(field, "must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, "holds half of a surrogate pair: not valid Unicode text");
            }
        }
        return value;
    }
}
