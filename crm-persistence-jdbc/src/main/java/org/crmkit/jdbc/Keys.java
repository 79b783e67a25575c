package org.crmkit.jdbc;

import java.nio.charset.StandardCharsets;

/**
 * How folded names become the columns that order and search customers: the sort key as UTF-8
 * bytes (whose unsigned order is code point order, {@link org.crmkit.core.customer.NameSearch#KEY_ORDER},
 * on every database), name keys cut to what an index holds, and {@code LIKE} patterns in which
 * every character of the user's text is literal. Stateless.
 */
final class Keys {
    /** The most code points of a name key the indexed column holds; longer keys go whole into {@code full_key}. */
    static final int NAME_KEY_CODE_POINTS = 600;
    /** The most bytes of the sort key the indexed column holds. */
    static final int SORT_KEY_BYTES = 2000;
    /** The escape character of every {@code LIKE} pattern; the SQL says {@code ESCAPE '!'}. */
    static final char LIKE_ESCAPE = '!';

    private Keys() {}

    /** The sort key column's value for a folded display name: its UTF-8 bytes, cut to {@link #SORT_KEY_BYTES} at a character boundary. */
    static byte[] sortKey(String folded) {
        byte[] bytes = folded.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= SORT_KEY_BYTES) {
            return bytes;
        }
        int end = SORT_KEY_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back to the first byte of the character that does not fit
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    /** {@code text} cut to at most {@code codePoints} code points. */
    static String truncate(String text, int codePoints) {
        if (text.length() <= codePoints) {
            return text;
        }
        int count = text.codePointCount(0, text.length());
        return count <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** Whether {@code key} is too long for the indexed name key column. */
    static boolean isLongNameKey(String key) {
        return key.length() > NAME_KEY_CODE_POINTS && key.codePointCount(0, key.length()) > NAME_KEY_CODE_POINTS;
    }

    /**
     * The least text that sorts after every text starting with {@code prefix}, so that
     * {@code key >= prefix AND key < bound} selects exactly those texts from an index even where the
     * database plans the statement without looking at its values (PostgreSQL's generic plans); null
     * when no text is greater.
     *
     * @param utf16Order whether the column compares by UTF-16 unit (H2) rather than by code point
     */
    static String upperBound(String prefix, boolean utf16Order) {
        if (utf16Order) {
            for (int i = prefix.length() - 1; i >= 0; i--) {
                char c = prefix.charAt(i);
                if (c != Character.MAX_VALUE) {
                    return prefix.substring(0, i) + (char) (c + 1);
                }
            }
            return null;
        }
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int next = codePoints[i] + 1;
            if (next == Character.MIN_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                return new String(codePoints, 0, i) + Character.toString(next);
            }
        }
        return null;
    }

    /** The index of the first surrogate in {@code text} that is not half of a pair, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A {@code LIKE} pattern that matches every text starting with {@code prefix}, each of its characters literal. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
