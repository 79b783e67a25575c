package org.crmkit.core.common;

import java.util.Comparator;
import java.util.UUID;

/**
 * The one order of UUIDs that every store agrees on: unsigned, byte by byte, as PostgreSQL, H2 and
 * the textual form sort them. ({@link UUID#compareTo} compares signed halves and disagrees.)
 */
public final class Ids {
    /** Orders UUIDs as unsigned 128-bit numbers. */
    public static final Comparator<UUID> ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Ids() {}

    /** Parses a UUID, naming {@code field} when the text is not one. */
    public static UUID parse(String text, String field) {
        ValidationException.requireNonNull(text, field);
        try {
            UUID uuid = UUID.fromString(text.strip());
            if (!uuid.toString().equalsIgnoreCase(text.strip())) {
                throw new IllegalArgumentException();
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "is not a UUID: '" + text + "'");
        }
    }
}
