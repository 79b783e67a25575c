package org.crmkit.core.routing;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Who a piece of work goes to: a staff member, a team's queue, or a staff member within a team.
 * Immutable and thread-safe.
 */
public final class Assignment {
    private final StaffId assignee;
    private final TeamId team;

    private Assignment(StaffId assignee, TeamId team) {
        this.assignee = assignee;
        this.team = team;
    }

    /** To {@code assignee}, outside any team. */
    public static Assignment to(StaffId assignee) {
        return new Assignment(ValidationException.requireNonNull(assignee, "assignee"), null);
    }

    /** To {@code assignee} as a member of {@code team}. */
    public static Assignment to(StaffId assignee, TeamId team) {
        return new Assignment(
                ValidationException.requireNonNull(assignee, "assignee"),
                ValidationException.requireNonNull(team, "team"));
    }

    /** Into the queue of {@code team}, for any member to take. */
    public static Assignment toTeam(TeamId team) {
        return new Assignment(null, ValidationException.requireNonNull(team, "team"));
    }

    /** The staff member who has the work; empty while it waits in a team's queue. */
    public Optional<StaffId> assignee() {
        return Optional.ofNullable(assignee);
    }

    /** The team whose work it is; empty for work given to a staff member directly. */
    public Optional<TeamId> team() {
        return Optional.ofNullable(team);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assignment other
                && Objects.equals(assignee, other.assignee)
                && Objects.equals(team, other.team);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assignee, team);
    }

    @Override
    public String toString() {
        return "Assignment[" + (assignee == null ? "queue" : assignee) + (team == null ? "" : " in " + team) + "]";
    }
}
