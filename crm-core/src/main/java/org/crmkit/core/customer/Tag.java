package org.crmkit.core.customer;

import java.util.Locale;
import org.crmkit.core.common.ValidationException;

/**
 * A free label on a customer, such as {@code vip} or {@code салон}. Tags are stripped and lower-cased
 * so that {@code "VIP "} and {@code "vip"} are one tag; any script is allowed.
 *
 * @param value the normalised tag, 1–64 characters
 */
public record Tag(String value) implements Comparable<Tag> {
    /** The longest tag accepted. */
    public static final int MAX_LENGTH = 64;

    /** Normalises and validates the tag. */
    public Tag {
        value = ValidationException.requireText(
                ValidationException.requireNonNull(value, "tag").toLowerCase(Locale.ROOT), "tag", MAX_LENGTH);
        if (value.contains("\n") || value.contains("\t")) {
            throw new ValidationException("tag", "must be a single line");
        }
    }

    /** Returns the tag for {@code value}. */
    public static Tag of(String value) {
        return new Tag(value);
    }

    @Override
    public int compareTo(Tag other) {
        return NameSearch.KEY_ORDER.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
