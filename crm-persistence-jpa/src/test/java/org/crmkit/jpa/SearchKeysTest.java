package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.crmkit.core.customer.NameSearch;
import org.junit.jupiter.api.Test;

/**
 * The encoding of search keys: the stored strings compare by UTF-16 code unit (H2) and by code point
 * (PostgreSQL "C") exactly as the keys compare by {@link NameSearch#KEY_ORDER}, and prefixes stay
 * prefixes.
 */
class SearchKeysTest {
    private static final long SEED = 20_240_501L;

    @Test
    void encode_keepsKeyOrderUnderUtf16AndCodePointComparison() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String a = randomKey(random);
            String b = random.nextInt(4) == 0 ? a + randomKey(random) : randomKey(random);
            String ea = SearchKeys.encode(a);
            String eb = SearchKeys.encode(b);
            int expected = Integer.signum(NameSearch.KEY_ORDER.compare(a, b));

            assertThat(Integer.signum(ea.compareTo(eb)))
                    .as("UTF-16 order of '%s' and '%s'", a, b)
                    .isEqualTo(expected);
            assertThat(Integer.signum(NameSearch.KEY_ORDER.compare(ea, eb)))
                    .as("code point order of '%s' and '%s'", a, b)
                    .isEqualTo(expected);
            assertThat(eb.startsWith(ea)).as("prefix '%s' of '%s'", a, b).isEqualTo(b.startsWith(a));
            assertThat(ea.chars()).as("encoded '%s'", a).allMatch(c -> c < 0xD800);
        }
    }

    @Test
    void encode_leavesOrdinaryScriptsAlone() {
        for (String key : new String[] {"dang thi ngoc", "иванов иван", "山田太郎", "محمد", "100% organic"}) {
            assertThat(SearchKeys.encode(key)).isSameAs(key);
        }
        assertThat(SearchKeys.encode("\uD83C\uDF55 pizza")).isNotEqualTo("\uD83C\uDF55 pizza");
    }

    @Test
    void upperBound_isAboveEveryKeyWithThePrefixAndBelowTheNextOne() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String prefix = SearchKeys.encode(randomKey(random).isEmpty() ? "a" : randomKey(random) + "x");
            String bound = SearchKeys.upperBound(prefix);
            String key = SearchKeys.encode(randomKey(random));

            assertThat((prefix + key).compareTo(bound)).isNegative();
            assertThat(key.startsWith(prefix) || key.compareTo(prefix) < 0 || key.compareTo(bound) >= 0)
                    .as("'%s' between '%s' and '%s' without the prefix", key, prefix, bound)
                    .isTrue();
        }
    }

    @Test
    void likePattern_escapesWildcardsAndTheEscape() {
        assertThat(SearchKeys.likePattern("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b%");
    }

    /** Up to six code points from every plane, weighted towards the awkward ranges. */
    private static String randomKey(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> 'a' + random.nextInt(3);
                case 1 -> 0xCFF0 + random.nextInt(0x20);
                case 2 -> 0xE000 + random.nextInt(0x2000);
                case 3 -> 0x10000 + random.nextInt(0x100000);
                case 4 -> 0xFFF0 + random.nextInt(0x10);
                default -> random.nextInt(0xD800);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
