package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
        "'  Anna.Ivanova@Example.COM ', anna.ivanova@example.com",
        "MAILTO:bob@example.org, bob@example.org",
        "ngoc+crm@công-ty.vn, ngoc+crm@công-ty.vn",
        "иван@почта.рф, иван@почта.рф",
        "o'brien@example.ie, o'brien@example.ie"
    })
    void of_normalisesCaseAndSpaces(String raw, String normalised) {
        assertThat(EmailAddress.of(raw).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "anna",
                "anna@",
                "@example.com",
                "anna@@example.com",
                "an na@example.com",
                "anna@example",
                "anna@.example.com",
                "anna@example..com",
                "anna@-example.com",
                ".anna@example.com",
                "an..na@example.com",
                "anna@exa_mple.com",
                "anna@exa\nmple.com",
                "<anna@example.com>"
            })
    void of_rejectsWhatIsNotAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 300})
    void of_rejectsOverlongParts(int length) {
        String local = "a".repeat(length);
        assertThatThrownBy(() -> EmailAddress.of(local + "@example.com")).isInstanceOf(ValidationException.class);
    }
}
