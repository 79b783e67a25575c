package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private static final Audit AUDIT = Audit.created(Instant.parse("2026-01-01T00:00:00Z"), Actor.system("test"));

    private static Customer.Builder anna() {
        return Customer.builder(
                new CustomerId(UUID.randomUUID()), TenantId.of("t1"), CustomerName.person("Anna", "Ivanova"), AUDIT);
    }

    @Test
    void build_makesTheFirstContactPointOfEachKindPrimary() {
        Customer c = anna().contactPoints(List.of(
                        ContactPoint.email("a@example.com"),
                        ContactPoint.email("b@example.com"),
                        ContactPoint.phone(PhoneNumber.of("+49301234567"))))
                .build();
        assertThat(c.primary(ContactKind.EMAIL))
                .contains(ContactPoint.email("a@example.com").withPrimary(true));
        assertThat(c.primary(ContactKind.PHONE)).isPresent();
        assertThat(c.emails()).containsExactly(EmailAddress.of("a@example.com"), EmailAddress.of("b@example.com"));
        assertThat(c.displayName()).isEqualTo("Anna Ivanova");
        assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
    }

    @Test
    void withContactPoint_primary_demotesThePreviousPrimary() {
        Customer c = anna().contactPoints(List.of(ContactPoint.email("a@example.com")))
                .build()
                .withContactPoint(ContactPoint.email("b@example.com").withPrimary(true));
        assertThat(c.emails()).first().isEqualTo(EmailAddress.of("b@example.com"));
        assertThat(c.contactPoints().stream().filter(ContactPoint::primary)).hasSize(1);
    }

    @Test
    void build_rejectsARepeatedContactPoint() {
        assertThatThrownBy(() -> anna().contactPoints(
                                List.of(ContactPoint.email("a@example.com"), ContactPoint.email(" A@EXAMPLE.com")))
                        .build())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("contactPoints[1]"));
    }

    @Test
    void build_rejectsTwoPrimariesOfOneKind() {
        assertThatThrownBy(() -> anna().contactPoints(List.of(
                                ContactPoint.email("a@example.com").withPrimary(true),
                                ContactPoint.email("b@example.com").withPrimary(true)))
                        .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("primary");
    }

    @Test
    void build_rejectsABadAttributeKey() {
        assertThatThrownBy(() -> anna().attributes(Map.of("1st", AttributeValue.of(true)))
                        .build())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("attributes"));
    }

    @Test
    void withName_ofAnotherKind_isRefused() {
        assertThatThrownBy(() -> anna().build().withName(CustomerName.organization("Acme")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void withName_movesTheDisplayNameAlongUnlessItWasSetApart() {
        Customer plain = anna().build().withName(CustomerName.person("Anna", "Petrova"));
        assertThat(plain.displayName()).isEqualTo("Anna Petrova");
        Customer nick = anna().displayName("Annushka").build().withName(CustomerName.person("Anna", "Petrova"));
        assertThat(nick.displayName()).isEqualTo("Annushka");
    }

    @Test
    void withStage_illegalMove_throwsAndLeavesTheCustomerAsItWas() {
        Customer lost = anna().stage(LifecycleStage.LOST).build();
        assertThatThrownBy(() -> lost.withStage(LifecycleStage.CUSTOMER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(lost.stage()).isEqualTo(LifecycleStage.LOST);
    }

    @Test
    void changes_returnCopiesAndKeepTheVersion() {
        Customer c = anna().version(3).build();
        Customer tagged = c.withTags(List.of(Tag.of("VIP "), Tag.of("salon")));
        assertThat(c.tags()).isEmpty();
        assertThat(tagged.tags()).containsExactly(Tag.of("salon"), Tag.of("vip"));
        assertThat(tagged.version()).isEqualTo(3);
        assertThatThrownBy(() -> tagged.tags().add(Tag.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void personName_needsAtLeastOnePart() {
        assertThat(CustomerName.person("Suharto", "").fullName()).isEqualTo("Suharto");
        assertThatThrownBy(() -> CustomerName.person(" ", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void values_takeOnlyWhatEveryStoreCanHold() {
        assertThat(AttributeValue.of(new java.math.BigDecimal("1E+21")).value().toPlainString())
                .isEqualTo("1000000000000000000000");
        assertThatThrownBy(() -> Tag.of("İ".repeat(40))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AttributeValue.of("a\u0000b")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CustomerName.organization("Acme \uD800")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> CustomerName.person("a".repeat(150), "b".repeat(150)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void numberAttribute_ignoresTrailingZeros() {
        assertThat(AttributeValue.of(new java.math.BigDecimal("1.50")))
                .isEqualTo(AttributeValue.of(new java.math.BigDecimal("1.5")));
        assertThat(AttributeValue.of(new java.math.BigDecimal("1E+3")).value().toPlainString())
                .isEqualTo("1000");
    }
}
