package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

    @ParameterizedTest
    @CsvSource({
        "'+84 91 234-56-78', +84912345678",
        "'0084 (91) 234.56.78', +84912345678",
        "'+49 30 1234567 ext. 12', +49301234567",
        "tel:+74951234567, +74951234567",
        "'+٩٧١٥٠١٢٣٤٥٦٧', +971501234567"
    })
    void international_readsCommonSpellings(String raw, String canonical) {
        assertThat(PhoneNormalizer.international().normalize(raw).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"'091 234 56 78', +84912345678", "'+84 91 234 56 78', +84912345678", "'912345678', +84912345678"})
    void withDefaultCountry_replacesTheTrunkPrefix(String raw, String canonical) {
        assertThat(PhoneNormalizer.withDefaultCountry("84").normalize(raw).value())
                .isEqualTo(canonical);
    }

    @Test
    void normalize_isIdempotent() {
        PhoneNormalizer normalizer = PhoneNormalizer.withDefaultCountry("49");
        PhoneNumber once = normalizer.normalize("030 1234567");
        assertThat(normalizer.normalize(once.value())).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call me", "091 234 56 78", "+1", "+12345678901234567", "+84 91 234 56 78 abc"})
    void international_rejectsWhatIsNotAnInternationalNumber(String raw) {
        assertThatThrownBy(() -> PhoneNormalizer.international().normalize(raw))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void withDefaultCountry_rejectsABadCallingCode() {
        assertThatThrownBy(() -> PhoneNormalizer.withDefaultCountry("+84")).isInstanceOf(ValidationException.class);
    }
}
