package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSearchTest {

    @ParameterizedTest
    @CsvSource({
        "Đặng Thị Ngọc, dang thi ngoc",
        "'  Müller   Straße ', muller strasse",
        "ИВАНОВ Иван, иванов иван",
        "Ёлкин, елкин",
        "Søren Łukasz, soren lukasz",
        "山田 太郎, 山田 太郎",
        "Ｆｕｌｌｗｉｄｔｈ, fullwidth",
        "İstanbul Ltd, istanbul ltd",
        "ΟΔΥΣΣΕΑΣ, οδυσσεασ",
        "Οδυσσέας, οδυσσεασ"
    })
    void fold_removesCaseAccentsAndExtraSpace(String name, String folded) {
        assertThat(NameSearch.fold(name)).isEqualTo(folded);
    }

    @Test
    void keys_startAtEveryWordOfEveryName() {
        Customer ngoc = person("Thị Ngọc", "Đặng");
        assertThat(NameSearch.keys(ngoc)).contains("thi ngoc dang", "ngoc dang", "dang", "dang thi ngoc", "thi ngoc");
        assertThat(NameSearch.matches(ngoc, "ngoc")).isTrue();
        assertThat(NameSearch.matches(ngoc, "dang thi")).isTrue();
        assertThat(NameSearch.matches(ngoc, "hi ng")).isFalse();
    }

    @Test
    void keyOrder_isByCodePointLikeBinaryUtf8() {
        String bmpHigh = "\uFF21"; // fullwidth A, above the surrogate range
        String supplementary = new String(Character.toChars(0x1F600));
        assertThat(NameSearch.KEY_ORDER.compare(bmpHigh, supplementary)).isNegative();
        assertThat(bmpHigh.compareTo(supplementary)).isPositive(); // what String order would get wrong
    }

    private static Customer person(String given, String family) {
        return Customer.builder(
                        new CustomerId(UUID.randomUUID()),
                        TenantId.of("t"),
                        CustomerName.person(given, family),
                        Audit.created(Instant.EPOCH, Actor.system("test")))
                .build();
    }
}
