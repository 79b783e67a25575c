package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void of_scalesToTheCurrencysMinorUnit() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualByComparingTo("12.50");
        assertThat(Money.of("12.5", "EUR").amount().scale()).isEqualTo(2);
        assertThat(Money.of("1000.4", "JPY").amount()).isEqualTo(new BigDecimal("1000"));
        assertThat(Money.of("0.005", "EUR").amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.of("0.015", "EUR").amount()).isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void plus_differentCurrencies_isRefusedNamingBoth() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void of_badInput_namesTheField() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("money.amount"));
        assertThatThrownBy(() -> Money.of("1", "EURO"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("money.currency"));
    }

    @Test
    void arithmetic_isExactForAllCentAmounts() {
        qt().withFixedSeed(42)
                .forAll(
                        longs().between(-1_000_000_000_00L, 1_000_000_000_00L),
                        longs().between(-1_000_000_00L, 1_000_000_00L))
                .checkAssert((a, b) -> {
                    Money x = Money.of(BigDecimal.valueOf(a, 2), EUR);
                    Money y = Money.of(BigDecimal.valueOf(b, 2), EUR);
                    assertThat(x.plus(y).minus(y)).isEqualTo(x);
                    assertThat(x.plus(y)).isEqualTo(y.plus(x));
                    assertThat(x.plus(x.negate()).isZero()).isTrue();
                    assertThat(x.times(3)).isEqualTo(x.plus(x).plus(x));
                });
    }

    @Test
    void compareTo_ordersByAmount() {
        assertThat(Money.of("2", "EUR")).isGreaterThan(Money.of("1.99", "EUR"));
        assertThat(Money.of("2", "EUR").toString()).isEqualTo("2.00 EUR");
    }
}
