package org.crmkit.core.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.StaffId;

/**
 * What a strategy may ask while it chooses: whose turn it is in a team, and how much open work each
 * staff member has. {@link Router} implements it inside the caller's unit of work.
 */
public interface Routing {

    /**
     * Takes a turn in {@code team}: hands {@code choose} the members in turn order (starting with the
     * one after whoever took the last turn), records the member it returns as the one who took this
     * turn and returns that member; when {@code choose} returns empty (everyone is at capacity), no
     * turn is taken and the result is empty. Concurrent turns in one team are serialised (the team's turn is
     * held until the unit of work ends), so two turns never start from the same state and {@code
     * choose} sees the load as the previous turn left it. A strategy takes at most one turn per
     * routing: two units of work that each took turns in two teams, in opposite orders, would wait
     * for each other (a SQL store then aborts one of them).
     *
     * @throws org.crmkit.core.common.ValidationException naming {@code routing.choice} when {@code
     *     choose} returns someone outside the team
     */
    Optional<StaffId> takeTurn(Team team, Function<List<StaffId>, Optional<StaffId>> choose);

    /** How many open pieces of work each of {@code staff} has now; every one of them is a key, with 0 for none. */
    Map<StaffId, Long> openLoad(Collection<StaffId> staff);
}
