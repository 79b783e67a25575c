package org.crmkit.core.customer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of name search, shared by every store so that all of them find the same customers.
 *
 * <p>Names are <em>folded</em>: decomposed, stripped of accents and other combining marks, lower-cased,
 * with letters that carry no combining mark mapped by hand ({@code đ→d}, {@code ø→o}, {@code ł→l},
 * {@code ß→ss}, …) and white space collapsed. A query matches a customer when the folded query is a
 * prefix of one of the customer's <em>name keys</em>: the folded display name, full name and legal
 * name, each also starting from any later word. So {@code "ngoc"} and {@code "thi ng"} both find
 * "Đặng Thị Ngọc". A store indexes the keys ({@link #keys}) and matches with a prefix comparison.
 */
public final class NameSearch {
    /** Orders folded keys the way a database with binary UTF-8 collation does: by code point. */
    public static final Comparator<String> KEY_ORDER = NameSearch::compareCodePoints;

    private NameSearch() {}

    /** Folds {@code text} for accent- and case-insensitive comparison. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            appendFolded(out, cp);
        }
        return out.toString();
    }

    /** The folded name keys of {@code customer}, each a string a query may be a prefix of. */
    public static Set<String> keys(Customer customer) {
        Set<String> keys = new LinkedHashSet<>();
        addKeys(keys, customer.displayName());
        addKeys(keys, customer.name().fullName());
        if (customer.name() instanceof CustomerName.PersonName person
                && !person.givenName().isEmpty()
                && !person.familyName().isEmpty()) {
            addKeys(keys, person.familyName() + " " + person.givenName());
        }
        return keys;
    }

    /** The key a list ordered by name sorts on: the folded display name. */
    public static String sortKey(Customer customer) {
        return fold(customer.displayName());
    }

    /** Whether {@code customer} matches the already folded {@code foldedQuery}. */
    public static boolean matches(Customer customer, String foldedQuery) {
        for (String key : keys(customer)) {
            if (key.startsWith(foldedQuery)) {
                return true;
            }
        }
        return false;
    }

    private static void addKeys(Set<String> keys, String name) {
        String folded = fold(name);
        if (folded.isEmpty()) {
            return;
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) == ' ') {
                starts.add(i + 1);
            }
        }
        for (int start : starts) {
            keys.add(folded.substring(start));
        }
    }

    private static void appendFolded(StringBuilder out, int cp) {
        switch (cp) {
            case 'đ', 'Đ', 'ð', 'Ð' -> out.append('d');
            case 'ø', 'Ø' -> out.append('o');
            case 'ł', 'Ł' -> out.append('l');
            case 'ß', 'ẞ' -> out.append("ss");
            case 'æ', 'Æ' -> out.append("ae");
            case 'œ', 'Œ' -> out.append("oe");
            case 'þ', 'Þ' -> out.append("th");
            case 'ı' -> out.append('i');
            case 'ς' -> out.append('σ'); // final sigma: upper case folds to σ

            case 'ħ', 'Ħ' -> out.append('h');
            default -> out.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
