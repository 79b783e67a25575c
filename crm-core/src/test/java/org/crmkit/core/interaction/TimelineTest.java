package org.crmkit.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final CustomerId ANNA = new CustomerId(UUID.fromString("0190a5c4-0000-7000-8000-000000000001"));

    private static Interaction at(Instant at, UUID id, Channel channel, Direction direction) {
        return Interaction.builder(
                        new InteractionId(id), TenantId.of("t1"), channel, direction, at, at, Actor.user("u"))
                .participants(List.of(Participant.primary(ANNA)))
                .build();
    }

    @Test
    void order_isNewestFirstThenUnsignedIdHighestFirst() {
        UUID low = new UUID(0x7FFF_FFFF_FFFF_7FFFL, 0x8000_0000_0000_0001L);
        UUID high = new UUID(0x8000_0000_0000_7000L, 0x8000_0000_0000_0001L); // negative as signed
        Interaction newest = at(AT.plusSeconds(1), low, Channel.PHONE, Direction.INBOUND);
        Interaction tieHigh = at(AT, high, Channel.PHONE, Direction.INBOUND);
        Interaction tieLow = at(AT, low, Channel.PHONE, Direction.INBOUND);
        List<Interaction> sorted = new ArrayList<>(List.of(tieLow, newest, tieHigh));

        sorted.sort(TimelineOrder.NEWEST_FIRST.comparator());

        assertThat(sorted).containsExactly(newest, tieHigh, tieLow);
        TimelineOrder.Position position = TimelineOrder.NEWEST_FIRST.positionOf(tieHigh);
        assertThat(position.isBefore(tieLow)).isTrue();
        assertThat(position.isBefore(tieHigh)).isFalse();
        assertThat(position.isBefore(newest)).isFalse();
    }

    @Test
    void cursor_roundTripsThePositionToTheNanosecond() {
        Interaction i = at(AT.plusNanos(123_456_789), new UUID(-1L, 1L), Channel.EMAIL, Direction.OUTBOUND);

        PageCursor cursor = TimelineOrder.NEWEST_FIRST.cursorAfter(i);

        assertThat(TimelineOrder.NEWEST_FIRST.decode(cursor))
                .isEqualTo(new TimelineOrder.Position(i.occurredAt(), i.id().value()));
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void cursor_ofAnotherListOrForged_isRefused() {
        List<String> forged = List.of(
                "%%%",
                encode("NEWEST_FIRST|not-an-instant|0190a5c4-0000-7000-8000-000000000001"),
                encode("NEWEST_FIRST|2026-01-01T10:00:00Z|not-a-uuid"),
                encode("NEWEST_FIRST|2026-01-01T10:00:00Z"),
                encode("OLDEST_FIRST|2026-01-01T10:00:00Z|0190a5c4-0000-7000-8000-000000000001"),
                encode("NEWEST_FIRST|2026-01-01T10:00:00Z|0190a5c4-0000-7000-8000-000000000001|x"),
                encode("CREATED|0190a5c4-0000-7000-8000-000000000001|"));
        for (String token : forged) {
            assertThatThrownBy(() -> TimelineOrder.NEWEST_FIRST.decode(new PageCursor(token)))
                    .as(token)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("page.cursor"));
        }
    }

    @Test
    void page_cutsAtTheSizeAndPointsAfterTheLastShown() {
        List<Interaction> fetched = List.of(
                at(AT.plusSeconds(3), new UUID(0x7000L, 3), Channel.PHONE, Direction.INBOUND),
                at(AT.plusSeconds(2), new UUID(0x7000L, 2), Channel.PHONE, Direction.INBOUND),
                at(AT.plusSeconds(1), new UUID(0x7000L, 1), Channel.PHONE, Direction.INBOUND));

        Page<Interaction> cut = TimelineOrder.NEWEST_FIRST.page(fetched, 2);
        Page<Interaction> whole = TimelineOrder.NEWEST_FIRST.page(fetched, 3);

        assertThat(cut.items()).containsExactly(fetched.get(0), fetched.get(1));
        assertThat(TimelineOrder.NEWEST_FIRST.decode(cut.next().orElseThrow()))
                .isEqualTo(TimelineOrder.NEWEST_FIRST.positionOf(fetched.get(1)));
        assertThat(whole.items()).isEqualTo(fetched);
        assertThat(whole.hasNext()).isFalse();
    }

    @Test
    void query_matchesEveryFilterTogether() {
        Interaction call = at(AT, new UUID(0x7000L, 1), Channel.PHONE, Direction.INBOUND);
        TimelineQuery all = TimelineQuery.all();

        assertThat(all.matches(call, false)).isTrue();
        assertThat(all.matches(call, true)).isFalse();
        assertThat(all.includingSuperseded().matches(call, true)).isTrue();
        assertThat(all.withChannels(Channel.EMAIL, Channel.PHONE).matches(call, false))
                .isTrue();
        assertThat(all.withChannels(Channel.EMAIL).matches(call, false)).isFalse();
        assertThat(all.withDirection(Direction.OUTBOUND).matches(call, false)).isFalse();
        assertThat(all.since(AT).matches(call, false)).isTrue();
        assertThat(all.until(AT).matches(call, false)).isFalse();
        assertThat(all.between(AT.minusNanos(1), AT.plusNanos(1)).matches(call, false))
                .isTrue();
        assertThat(all.withChannels(Set.of()).withDirections(Set.of())).isEqualTo(all);
        assertThat(all.withChannels(Channel.PHONE)
                        .withDirection(Direction.INBOUND)
                        .since(AT))
                .isEqualTo(all.since(AT).withDirection(Direction.INBOUND).withChannels(Set.of(Channel.PHONE)));
    }

    @Test
    void query_emptyOrReversedPeriod_isRefused() {
        assertThatThrownBy(() -> TimelineQuery.all().between(AT, AT))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeline.to"));
        assertThatThrownBy(() -> TimelineQuery.all().since(AT).until(AT.minusSeconds(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TimelineQuery.all().until(AT).since(AT.plusSeconds(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void cursors_ofCustomerListsAndTimelines_doNotMix() {
        PageCursor timeline =
                TimelineOrder.NEWEST_FIRST.cursorAfter(at(AT, new UUID(0x7000L, 1), Channel.PHONE, Direction.INBOUND));

        assertThatThrownBy(() -> CustomerOrder.CREATED.decode(timeline)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CustomerOrder.NAME.decode(timeline)).isInstanceOf(ValidationException.class);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
