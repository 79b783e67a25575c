package org.crmkit.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.memory.MemoryCrmStore;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Team TEAM = Team.of("support", "an", "binh", "chi");
    private static final RoutingSubject SUBJECT =
            RoutingSubject.of(RoutingSubject.Kind.REQUEST, new CustomerId(UUID.randomUUID()));

    private final MemoryCrmStore store = MemoryCrmStore.create();
    private final Map<StaffId, Long> load = new HashMap<>();
    private final Router router = new Router(store.rotations(TenantId.of("t")), staff -> load);

    @Test
    void roundRobin_takesTurnsInTheTeamsOrder_andKeepsTurnsPerTeam() {
        Team other = Team.of("sales", "xuan", "yen");
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(assignee(AssignmentStrategy.roundRobin(TEAM)));
            chosen.add(assignee(AssignmentStrategy.roundRobin(other)));
        }

        assertThat(chosen).containsExactly("an", "xuan", "binh", "yen", "chi", "xuan", "an", "yen");
    }

    @Test
    void roundRobin_afterTheTeamChanged_continuesAfterTheLastOne_orStartsOver() {
        assertThat(assignee(AssignmentStrategy.roundRobin(TEAM))).isEqualTo("an");
        Team reordered = Team.of("support", "chi", "an", "dung");
        assertThat(assignee(AssignmentStrategy.roundRobin(reordered))).isEqualTo("dung");
        Team without = Team.of("support", "binh", "chi");
        assertThat(assignee(AssignmentStrategy.roundRobin(without))).isEqualTo("binh");
    }

    @Test
    void leastLoaded_prefersTheLightest_andBreaksTiesByTurn() {
        load.put(StaffId.of("an"), 3L);
        load.put(StaffId.of("binh"), 1L);

        assertThat(assignee(AssignmentStrategy.leastLoaded(TEAM))).isEqualTo("chi");
        load.put(StaffId.of("chi"), 1L);
        assertThat(assignee(AssignmentStrategy.leastLoaded(TEAM))).isEqualTo("binh");
    }

    @Test
    void weighted_sharesWorkInProportion_andCapacityPassesOverFullMembers() {
        AssignmentStrategy weighted = AssignmentStrategy.weighted(TEAM, Map.of(StaffId.of("an"), 2), 3);
        Map<String, Integer> share = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            String chosen = assignee(weighted);
            share.merge(chosen, 1, Integer::sum);
            load.merge(StaffId.of(chosen), 1L, Long::sum);
        }

        assertThat(share).containsEntry("an", 3).containsEntry("binh", 3).containsEntry("chi", 2);
        load.put(StaffId.of("chi"), 3L);
        assertThat(router.route(weighted, SUBJECT)).isEmpty();
        assertThat(router.route(weighted.orElse(AssignmentStrategy.queue(TeamId.of("overflow"))), SUBJECT))
                .contains(Assignment.toTeam(TeamId.of("overflow")));
        assertThatThrownBy(() -> AssignmentStrategy.weighted(TEAM, Map.of(StaffId.of("outsider"), 2), 3))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("weights"));
        assertThatThrownBy(() -> AssignmentStrategy.leastLoaded(TEAM, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("capacity"));
    }

    @Test
    void rules_matchTheSubjectsProperties_ignoringCaseInTexts() {
        RoutingSubject german = SUBJECT.withLanguage(Locale.forLanguageTag("de-CH"))
                .withTopic("BILLING")
                .withRegion("vn");

        assertThat(RoutingCondition.language(Locale.GERMAN).matches(german)).isTrue();
        assertThat(RoutingCondition.topic("billing").matches(german)).isTrue();
        assertThat(RoutingCondition.region("VN").matches(german)).isTrue();
        assertThat(RoutingCondition.channel(Channel.PHONE).matches(german)).isFalse();
        assertThat(RoutingCondition.customerOwnedBy(StaffId.of("x")).matches(german))
                .isFalse();
        assertThat(RoutingCondition.topic("billing")
                        .and(RoutingCondition.channel(Channel.PHONE))
                        .matches(german))
                .isFalse();
        assertThat(RoutingCondition.topic("x").or(RoutingCondition.region("vn")).matches(german))
                .isTrue();
    }

    @Test
    void strategies_fallBackWhereTheyChooseNobody() {
        AssignmentStrategy strategy = AssignmentStrategy.rules(
                        RoutingRule.when(RoutingCondition.channel(Channel.PHONE), AssignmentStrategy.roundRobin(TEAM)))
                .orElse(AssignmentStrategy.customerOwner())
                .orElse(AssignmentStrategy.queue(TeamId.of("desk")));

        assertThat(router.route(strategy, SUBJECT.withChannel(Channel.PHONE)))
                .contains(Assignment.to(StaffId.of("an"), TEAM.id()));
        assertThat(router.route(strategy, SUBJECT.withCustomerOwner(StaffId.of("owner"))))
                .contains(Assignment.to(StaffId.of("owner")));
        assertThat(router.route(strategy, SUBJECT)).contains(Assignment.toTeam(TeamId.of("desk")));
    }

    @Test
    void aHostStrategy_mustChooseATeamMember() {
        AssignmentStrategy rogue =
                (subject, routing) -> routing.takeTurn(TEAM, inTurn -> java.util.Optional.of(StaffId.of("outsider")))
                        .map(Assignment::to);

        assertThatThrownBy(() -> router.route(rogue, SUBJECT))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("routing.choice"));
    }

    @Test
    void teams_refuseNoMembersAndRepeatedMembers() {
        assertThatThrownBy(() -> new Team(TeamId.of("x"), List.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("team.members"));
        assertThatThrownBy(() -> Team.of("x", "an", "an"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("team.members"));
    }

    private String assignee(AssignmentStrategy strategy) {
        return router.route(strategy, SUBJECT)
                .orElseThrow()
                .assignee()
                .orElseThrow()
                .value();
    }
}
