package org.crmkit.core.routing;

import java.util.HashSet;
import java.util.List;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * A team that shares inbound work: its id and its members in the order turns go round. The host
 * owns its staff directory and passes teams as values; CRMKit stores only whose turn it is.
 *
 * @param id the team's id
 * @param members who takes work, at least one, each once
 */
public record Team(TeamId id, List<StaffId> members) {

    /** Validates the team. */
    public Team {
        ValidationException.requireNonNull(id, "team.id");
        ValidationException.requireNonNull(members, "team.members");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new ValidationException("team.members", "must name at least one staff member");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new ValidationException("team.members", "names a staff member twice");
        }
    }

    /** The team {@code id} with {@code members}. */
    public static Team of(String id, String... members) {
        return new Team(
                TeamId.of(id), java.util.Arrays.stream(members).map(StaffId::of).toList());
    }

    /** The member whose turn follows {@code last}'s; the first member when {@code last} is not one. */
    public StaffId memberAfter(StaffId last) {
        int at = members.indexOf(last);
        return members.get((at + 1) % members.size());
    }
}
