package org.crmkit.core.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.StaffId;

/** CRMKit's own strategies, handed out by {@link AssignmentStrategy}'s factories. */
final class Strategies {
    private Strategies() {}

    record RoundRobin(Team team) implements AssignmentStrategy {
        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            return routing.takeTurn(team, inTurn -> Optional.of(inTurn.get(0))).map(m -> Assignment.to(m, team.id()));
        }
    }

    /**
     * The member with the least open work per unit of weight ({@code (load + 1) / weight}, so a
     * weight of 2 takes twice the work), skipping those at {@code capacity}; ties go to the next in
     * turn.
     */
    record LeastLoaded(Team team, Map<StaffId, Integer> weights, long capacity) implements AssignmentStrategy {
        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            return routing.takeTurn(team, inTurn -> {
                        Map<StaffId, Long> load = routing.openLoad(inTurn);
                        StaffId best = null;
                        double bestShare = Double.MAX_VALUE;
                        for (StaffId member : inTurn) {
                            long open = load.getOrDefault(member, 0L);
                            if (open >= capacity) {
                                continue;
                            }
                            double share = (open + 1.0) / weights.getOrDefault(member, 1);
                            if (share < bestShare) {
                                best = member;
                                bestShare = share;
                            }
                        }
                        return Optional.ofNullable(best);
                    })
                    .map(m -> Assignment.to(m, team.id()));
        }
    }

    enum CustomerOwner implements AssignmentStrategy {
        INSTANCE;

        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            return subject.customerOwner().map(Assignment::to);
        }

        @Override
        public String toString() {
            return "CustomerOwner";
        }
    }

    record Queue(TeamId team) implements AssignmentStrategy {
        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            return Optional.of(Assignment.toTeam(team));
        }
    }

    record Rules(List<RoutingRule> rules) implements AssignmentStrategy {
        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            for (RoutingRule rule : rules) {
                if (rule.condition().matches(subject)) {
                    Optional<Assignment> chosen = rule.strategy().assign(subject, routing);
                    if (chosen.isPresent()) {
                        return chosen;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
