package org.crmkit.core.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Runs {@link AssignmentStrategy}s over a store's rotations and a count of open work. The services
 * that route work (requests, leads) make one per unit of work and run it inside that unit: a team's
 * turn is locked ({@link RotationRepository#lock}) until the unit ends, so concurrent turns in one
 * team queue up; the rare race of two first turns ends in a {@link
 * org.crmkit.core.common.ConcurrentUpdateException} that the unit's retry absorbs. Not thread-safe:
 * one unit of work, one thread.
 */
public final class Router implements Routing {
    private final RotationRepository rotations;
    private final Function<Collection<StaffId>, Map<StaffId, Long>> openLoad;

    /**
     * Creates a router.
     *
     * @param rotations where turns are kept
     * @param openLoad counts the open work of each staff member given (missing ones count 0)
     */
    public Router(RotationRepository rotations, Function<Collection<StaffId>, Map<StaffId, Long>> openLoad) {
        this.rotations = Objects.requireNonNull(rotations, "rotations");
        this.openLoad = Objects.requireNonNull(openLoad, "openLoad");
    }

    /** Where {@code strategy} sends {@code subject}; empty when it chooses nobody. */
    public Optional<Assignment> route(AssignmentStrategy strategy, RoutingSubject subject) {
        ValidationException.requireNonNull(strategy, "strategy");
        ValidationException.requireNonNull(subject, "subject");
        Optional<Assignment> chosen = strategy.assign(subject, this);
        return Objects.requireNonNull(chosen, () -> "strategy " + strategy + " returned null");
    }

    @Override
    public Optional<StaffId> takeTurn(Team team, Function<List<StaffId>, Optional<StaffId>> choose) {
        ValidationException.requireNonNull(team, "team");
        ValidationException.requireNonNull(choose, "choose");
        Optional<Rotation> stored = rotations.lock(team.id());
        List<StaffId> inTurn = new ArrayList<>(team.members().size());
        StaffId next = stored.map(r -> team.memberAfter(r.last()))
                .orElse(team.members().get(0));
        int start = team.members().indexOf(next);
        for (int i = 0; i < team.members().size(); i++) {
            inTurn.add(team.members().get((start + i) % team.members().size()));
        }
        Optional<StaffId> chosen = Objects.requireNonNull(choose.apply(List.copyOf(inTurn)), "choose returned null");
        if (chosen.isEmpty()) {
            return chosen;
        }
        StaffId member = chosen.get();
        if (!team.members().contains(member)) {
            throw new ValidationException("routing.choice", "chose " + member + ", who is not in team " + team.id());
        }
        rotations.save(stored.map(r -> r.turnTakenBy(member)).orElseGet(() -> new Rotation(team.id(), member, 0)));
        return chosen;
    }

    @Override
    public Map<StaffId, Long> openLoad(Collection<StaffId> staff) {
        ValidationException.requireNonNull(staff, "staff");
        LinkedHashSet<StaffId> asked = new LinkedHashSet<>(staff);
        Map<StaffId, Long> counted = openLoad.apply(asked);
        Map<StaffId, Long> load = new HashMap<>();
        for (StaffId member : asked) {
            load.put(member, counted.getOrDefault(member, 0L));
        }
        return Map.copyOf(load);
    }
}
