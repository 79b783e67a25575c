package org.crmkit.jpa;

import java.nio.charset.StandardCharsets;
import org.crmkit.core.common.ValidationException;

/**
 * Encodes folded name keys ({@code NameSearch.keys}, {@code NameSearch.sortKey}) so that every
 * supported database orders and prefix-matches them exactly as {@code NameSearch.KEY_ORDER} does.
 *
 * <p>PostgreSQL with {@code COLLATE "C"} compares UTF-8 bytes, which is code point order, but H2
 * compares strings by UTF-16 code unit, which puts supplementary characters (emoji, rare CJK)
 * before U+E000–U+FFFF. The encoding keeps every code point below U+D000 as it is and writes each
 * other code point as two characters, {@code U+D000 + (cp >> 12)} and {@code U+1000 + (cp & 0xFFF)}.
 * Every encoded character then lies below the surrogates, where all three orders agree; the
 * encoding is prefix-free per code point and monotonic, so encoded keys compare as the keys do and
 * {@code encode(p)} is a prefix of {@code encode(k)} exactly when {@code p} is a prefix of {@code k}.
 * Names in ordinary scripts are stored unchanged. Stateless.
 */
final class SearchKeys {
    private static final int ESCAPED_FROM = 0xD000;
    private static final int HIGH_BASE = 0xD000;
    private static final int LOW_BASE = 0x1000;

    /**
     * The longest key, in UTF-8 bytes, that the store indexes. PostgreSQL refuses B-tree entries
     * above 2704 bytes; the rest of the entry (tenant, id) needs the difference.
     */
    static final int MAX_INDEXED_BYTES = 2400;

    private SearchKeys() {}

    /**
     * Refuses an encoded key too long to index, before anything is written. Only names that
     * Unicode compatibility decomposition expands many times over (such as U+FDFA, eighteen letters)
     * come near the limit.
     *
     * @throws ValidationException naming {@code displayName}
     */
    static void checkIndexable(String encodedKey) {
        // a UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair is 4 bytes for 2 units)
        if (encodedKey.length() * 3 <= MAX_INDEXED_BYTES) {
            return;
        }
        int bytes = encodedKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INDEXED_BYTES) {
            throw new ValidationException(
                    "displayName",
                    "folds to a search key of " + bytes + " bytes; the JPA store indexes at most " + MAX_INDEXED_BYTES);
        }
    }

    /** The stored form of a folded key. */
    static String encode(String key) {
        StringBuilder out = null;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (cp >= ESCAPED_FROM && out == null) {
                out = new StringBuilder(key.length() + 8).append(key, 0, i);
            }
            if (out != null) {
                if (cp < ESCAPED_FROM) {
                    out.append((char) cp);
                } else {
                    out.append((char) (HIGH_BASE + (cp >>> 12))).append((char) (LOW_BASE + (cp & 0xFFF)));
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? key : out.toString();
    }

    /**
     * The smallest string above every string that starts with {@code encodedPrefix}: the prefix with
     * its last character incremented. Encoded characters stay below U+D800, so the result is
     * well-formed and compares the same way in every database.
     */
    static String upperBound(String encodedPrefix) {
        int last = encodedPrefix.length() - 1;
        return encodedPrefix.substring(0, last) + (char) (encodedPrefix.charAt(last) + 1);
    }

    /** {@code encodedPrefix} as a {@code LIKE} pattern with escape character {@code \}. */
    static String likePattern(String encodedPrefix) {
        StringBuilder out = new StringBuilder(encodedPrefix.length() + 4);
        for (int i = 0; i < encodedPrefix.length(); i++) {
            char c = encodedPrefix.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('%').toString();
    }
}
