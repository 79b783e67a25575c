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
            return Optional.of(Assignment.to(routing.takeTurn(team, inTurn -> inTurn.get(0)), team.id()));
        }
    }

    record LeastLoaded(Team team) implements AssignmentStrategy {
        @Override
        public Optional<Assignment> assign(RoutingSubject subject, Routing routing) {
            StaffId chosen = routing.takeTurn(team, inTurn -> {
                Map<StaffId, Long> load = routing.openLoad(inTurn);
                StaffId least = inTurn.get(0);
                for (StaffId member : inTurn) {
                    if (load.getOrDefault(member, 0L) < load.getOrDefault(least, 0L)) {
                        least = member;
                    }
                }
                return least;
            });
            return Optional.of(Assignment.to(chosen, team.id()));
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
