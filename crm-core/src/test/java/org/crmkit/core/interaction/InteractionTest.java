package org.crmkit.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

class InteractionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final CustomerId ANNA = new CustomerId(UUID.fromString("0190a5c4-0000-7000-8000-000000000001"));
    private static final CustomerId IVAN = new CustomerId(UUID.fromString("0190a5c4-0000-7000-8000-000000000002"));
    private static final InteractionId ID = new InteractionId(UUID.fromString("0190a5c4-0000-7000-8000-0000000000aa"));

    private static Interaction.Builder call() {
        return Interaction.builder(ID, TenantId.of("t1"), Channel.PHONE, Direction.INBOUND, AT, AT, Actor.user("u"))
                .participants(List.of(Participant.primary(ANNA)));
    }

    private static String refusedField(Interaction.Builder builder) {
        try {
            builder.build();
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void build_hasGoodDefaultsAndStripsTexts() {
        Interaction i = call().subject("  Delivery  ")
                .summary("\n line one\r\nline two \n")
                .build();

        assertThat(i.duration()).isEqualTo(Duration.ZERO);
        assertThat(i.subject()).contains("Delivery");
        assertThat(i.summary()).contains("line one\r\nline two");
        assertThat(i.staff()).isEmpty();
        assertThat(i.cost()).isEmpty();
        assertThat(i.links()).isEmpty();
        assertThat(i.externalId()).isEmpty();
        assertThat(i.supersedes()).isEmpty();
        assertThat(i.customers()).containsExactly(ANNA);
        assertThat(i.involves(ANNA)).isTrue();
        assertThat(i.involves(IVAN)).isFalse();
    }

    @Test
    void build_keepsTheExternalIdExactly() {
        assertThat(call().externalId(" PBX:1 ").build().externalId()).contains(" PBX:1 ");
    }

    @Test
    void build_refusesEachInvalidPartNamingIt() {
        UUID link = UUID.fromString("0190a5c4-0000-7000-8000-0000000000bb");
        assertThat(refusedField(call().participants(List.of()))).isEqualTo("interaction.participants");
        assertThat(refusedField(call().participants(List.of(
                        Participant.primary(ANNA),
                        Participant.of(IVAN, ParticipantRole.CC),
                        Participant.of(ANNA, ParticipantRole.CC)))))
                .isEqualTo("interaction.participants[2]");
        assertThat(refusedField(call().duration(Duration.ofNanos(-1)))).isEqualTo("interaction.duration");
        assertThat(refusedField(call().duration(Interaction.MAX_DURATION.plusNanos(1))))
                .isEqualTo("interaction.duration");
        assertThat(refusedField(call().subject("s".repeat(Interaction.MAX_SUBJECT_LENGTH + 1))))
                .isEqualTo("interaction.subject");
        assertThat(refusedField(call().subject(" "))).isEqualTo("interaction.subject");
        assertThat(refusedField(call().summary("a\u0007b"))).isEqualTo("interaction.summary");
        assertThat(refusedField(call().summary("s".repeat(Interaction.MAX_SUMMARY_LENGTH + 1))))
                .isEqualTo("interaction.summary");
        assertThat(refusedField(call().outcome("no\tanswer"))).isEqualTo("interaction.outcome");
        assertThat(refusedField(call().outcome("o".repeat(Interaction.MAX_OUTCOME_LENGTH + 1))))
                .isEqualTo("interaction.outcome");
        assertThat(refusedField(call().cost(Money.of("-0.01", "EUR")))).isEqualTo("interaction.cost");
        assertThat(refusedField(call().links(List.of(
                        InteractionLink.of(LinkKind.REQUEST, link), InteractionLink.of(LinkKind.REQUEST, link)))))
                .isEqualTo("interaction.links[1]");
        for (String externalId :
                List.of("", "   ", "e".repeat(Interaction.MAX_EXTERNAL_ID_LENGTH + 1), "a\u0000", "a\nb", "\uDC00")) {
            assertThat(refusedField(call().externalId(externalId)))
                    .as("'%s'", externalId)
                    .isEqualTo("interaction.externalId");
        }
        assertThat(refusedField(call().supersedes(ID))).isEqualTo("interaction.supersedes");
        assertThat(refusedField(call().occurredAt(Instant.parse("1899-12-31T23:59:59Z"))))
                .isEqualTo("interaction.occurredAt");
        assertThat(refusedField(call().occurredAt(Instant.MAX))).isEqualTo("interaction.occurredAt");
        assertThat(refusedField(call().recordedAt(null))).isEqualTo("interaction.recordedAt");
        assertThat(refusedField(call().channel(null))).isEqualTo("interaction.channel");
    }

    @Test
    void build_acceptsTheLimits() {
        List<Participant> many = new ArrayList<>();
        for (int i = 0; i < Interaction.MAX_PARTICIPANTS; i++) {
            many.add(Participant.of(new CustomerId(new UUID(0x7000L, i)), ParticipantRole.RECIPIENT));
        }
        Interaction i = call().participants(many)
                .duration(Interaction.MAX_DURATION)
                .subject("s".repeat(Interaction.MAX_SUBJECT_LENGTH))
                .summary("𠮷".repeat(Interaction.MAX_SUMMARY_LENGTH / 2))
                .outcome("o".repeat(Interaction.MAX_OUTCOME_LENGTH))
                .externalId("e".repeat(Interaction.MAX_EXTERNAL_ID_LENGTH))
                .cost(Money.of("0", "JPY"))
                .occurredAt(Interaction.EARLIEST)
                .recordedAt(Interaction.LATEST)
                .build();

        assertThat(i.participants()).hasSize(Interaction.MAX_PARTICIPANTS);
        List<Participant> tooMany = new ArrayList<>(many);
        tooMany.add(Participant.primary(ANNA));
        assertThat(refusedField(call().participants(tooMany))).isEqualTo("interaction.participants");
    }

    @Test
    void toBuilder_rebuildsAnEqualInteraction() {
        Interaction i = call().subject("s")
                .staff(StaffId.of("bao"))
                .links(List.of(
                        InteractionLink.of(LinkKind.CAMPAIGN, UUID.fromString("0190a5c4-0000-7000-8000-0000000000cc"))))
                .externalId("x")
                .supersedes(new InteractionId(UUID.fromString("0190a5c4-0000-7000-8000-0000000000dd")))
                .build();

        assertThat(i.toBuilder().build()).isEqualTo(i).hasSameHashCodeAs(i);
        assertThat(i.toBuilder().subject("t").build()).isNotEqualTo(i);
        assertThat(i.toString()).contains(ID.toString(), "PHONE", "INBOUND", "supersedes");
    }

    @Test
    void draft_isValidatedWhenLoggedNotWhenBuilt() {
        InteractionDraft draft = InteractionDraft.of(Channel.EMAIL, Direction.OUTBOUND, AT, ANNA)
                .subject("s".repeat(Interaction.MAX_SUBJECT_LENGTH + 1));

        assertThatThrownBy(() -> draft.toInteraction(ID, TenantId.of("t1"), AT, Actor.user("u"), null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("interaction.subject"));
        assertThatThrownBy(() -> draft.subject(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("interaction.subject"));
    }
}
