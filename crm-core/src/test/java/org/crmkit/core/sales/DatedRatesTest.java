package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.api.Test;

class DatedRatesTest {
    private static final DatedRates RATES = DatedRates.empty()
            .with("EUR", "VND", LocalDate.of(2026, 1, 1), "27100")
            .with("EUR", "VND", LocalDate.of(2026, 7, 1), "27850")
            .with("USD", "EUR", LocalDate.of(2026, 1, 1), "0.92");

    @Test
    void theRateOfADay_isTheLatestOnOrBeforeIt() {
        assertThat(RATES.convert(Money.of("10", "EUR"), Money.currency("VND"), LocalDate.of(2026, 6, 30)))
                .isEqualTo(Money.of("271000", "VND"));
        assertThat(RATES.convert(Money.of("10", "EUR"), Money.currency("VND"), LocalDate.of(2026, 7, 1)))
                .isEqualTo(Money.of("278500", "VND"));
    }

    @Test
    void theOtherDirection_usesTheInverse_andTheSameCurrencyIsLeftAlone() {
        assertThat(RATES.convert(Money.of("9.20", "EUR"), Money.currency("USD"), LocalDate.of(2026, 3, 1)))
                .isEqualTo(Money.of("10.00", "USD"));
        Money eur = Money.of("1.23", "EUR");
        assertThat(RATES.convert(eur, Money.currency("EUR"), LocalDate.of(1999, 1, 1)))
                .isSameAs(eur);
    }

    @Test
    void missingRates_andBadRates_areRefusedWithTheField() {
        assertThatThrownBy(() -> RATES.convert(Money.of("1", "EUR"), Money.currency("VND"), LocalDate.of(2025, 12, 31)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> RATES.convert(Money.of("1", "GBP"), Money.currency("VND"), LocalDate.of(2026, 12, 31)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> RATES.with("EUR", "USD", LocalDate.of(2026, 1, 1), "-1"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("rate"));
        assertThatThrownBy(() -> RATES.with("EUR", "EUR", LocalDate.of(2026, 1, 1), "1"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
