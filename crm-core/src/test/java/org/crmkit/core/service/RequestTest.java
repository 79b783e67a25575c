package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

class RequestTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Actor AGENT = Actor.user("agent");

    @Test
    void statusTable_closedIsFinal_andEveryOtherStatusHasAWayOut() {
        assertThat(RequestStatus.CLOSED.next()).isEmpty();
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status + " to itself").isFalse();
            if (status != RequestStatus.CLOSED) {
                assertThat(status.canMoveTo(RequestStatus.CLOSED)).isTrue();
            }
        }
        assertThat(RequestStatus.RESOLVED.next()).containsExactlyInAnyOrder(RequestStatus.OPEN, RequestStatus.CLOSED);
        assertThat(RequestStatus.openStatuses())
                .allSatisfy(s -> assertThat(s.isOpen()).isTrue());
    }

    @Test
    void deadlines_arePendingUntilMet_andPassedOnlyAfterTheirInstant() {
        Request open = request();

        assertThat(open.nextDeadline()).contains(open.firstResponseDue());
        assertThat(open.passedAt(open.firstResponseDue())).isEmpty();
        assertThat(open.passedAt(open.firstResponseDue().plusNanos(1000)))
                .containsExactly(ServiceLevelTarget.FIRST_RESPONSE);

        Request answered = open.movedTo(RequestStatus.ANSWERED, T0.plusSeconds(60), AGENT);
        assertThat(answered.nextDeadline()).contains(open.resolutionDue());
        assertThat(answered.passedAt(open.resolutionDue().plusSeconds(1)))
                .containsExactly(ServiceLevelTarget.RESOLUTION);

        Request resolved = answered.movedTo(RequestStatus.RESOLVED, T0.plusSeconds(120), AGENT);
        assertThat(resolved.nextDeadline()).isEmpty();
        Request reopened = resolved.movedTo(RequestStatus.OPEN, T0.plusSeconds(180), AGENT);
        assertThat(reopened.nextDeadline()).contains(open.resolutionDue());
        assertThat(reopened.firstRespondedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void closingUnanswered_meetsBothDeadlines() {
        Request closed = request().movedTo(RequestStatus.CLOSED, T0.plusSeconds(5), AGENT);

        assertThat(closed.firstRespondedAt()).contains(T0.plusSeconds(5));
        assertThat(closed.resolvedAt()).contains(T0.plusSeconds(5));
        assertThat(closed.closedAt()).contains(T0.plusSeconds(5));
        assertThatThrownBy(() -> closed.movedTo(RequestStatus.OPEN, T0.plusSeconds(9), AGENT))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CLOSED");
    }

    @Test
    void inconsistentRequests_areRefused_namingTheField() {
        assertField(() -> request().toBuilder().status(RequestStatus.ANSWERED).build(), "request.firstRespondedAt");
        assertField(
                () -> request().toBuilder()
                        .status(RequestStatus.RESOLVED)
                        .firstRespondedAt(T0)
                        .build(),
                "request.resolvedAt");
        assertField(() -> request().toBuilder().resolvedAt(T0).build(), "request.resolvedAt");
        assertField(() -> request().toBuilder().closedAt(T0).build(), "request.closedAt");
        assertField(
                () -> Request.builder(
                                new RequestId(UUID.randomUUID()),
                                TenantId.of("t"),
                                new CustomerId(UUID.randomUUID()),
                                "x",
                                T0,
                                T0.minusSeconds(1),
                                T0.plusSeconds(9),
                                Audit.created(T0, AGENT))
                        .build(),
                "request.resolutionDue");
        assertField(() -> request().toBuilder().version(-1).build(), "request.version");
    }

    @Test
    void withOverdueNotified_remembersTheAnnouncements() {
        Request notified = request().withOverdueNotified(EnumSet.of(ServiceLevelTarget.RESOLUTION));

        assertThat(notified.overdueNotified()).containsExactly(ServiceLevelTarget.RESOLUTION);
        assertThat(notified.audit()).isEqualTo(request().audit());
    }

    @Test
    void policy_picksChannelThenPriorityThenDefault() {
        ServiceLevel fallback = ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(2));
        ServiceLevel urgent = ServiceLevel.of(Duration.ofHours(1), Duration.ofHours(4));
        ServiceLevel chat = ServiceLevel.of(Duration.ofMinutes(2), Duration.ofHours(1));
        ServiceLevelPolicy policy = ServiceLevelPolicy.of(fallback)
                .forPriority(Priority.URGENT, urgent)
                .forChannel(Channel.LIVE_CHAT, Priority.URGENT, chat);

        assertThat(policy.levelFor(Channel.LIVE_CHAT, Priority.URGENT)).isEqualTo(chat);
        assertThat(policy.levelFor(Channel.EMAIL, Priority.URGENT)).isEqualTo(urgent);
        assertThat(policy.levelFor(Channel.LIVE_CHAT, Priority.LOW)).isEqualTo(fallback);
        assertThat(policy.due(ServiceLevelTarget.RESOLUTION, Channel.EMAIL, Priority.URGENT, T0))
                .isEqualTo(T0.plus(Duration.ofHours(4)));
        assertField(() -> ServiceLevel.of(Duration.ZERO, Duration.ofHours(1)), "serviceLevel.firstResponse");
        assertField(() -> ServiceLevel.of(Duration.ofHours(2), Duration.ofHours(1)), "serviceLevel.resolution");
    }

    private static Request request() {
        return Request.builder(
                        new RequestId(UUID.fromString("0190a5c4-0000-7000-8000-000000000001")),
                        TenantId.of("t"),
                        new CustomerId(UUID.fromString("0190a5c4-0000-7000-8000-000000000002")),
                        "Where is my parcel?",
                        T0,
                        T0.plus(Duration.ofHours(1)),
                        T0.plus(Duration.ofDays(1)),
                        Audit.created(T0, AGENT))
                .build();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
