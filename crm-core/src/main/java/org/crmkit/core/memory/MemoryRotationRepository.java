package org.crmkit.core.memory;

import java.util.Optional;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;

/** {@link RotationRepository} over one tenant's rotations. */
final class MemoryRotationRepository implements RotationRepository {
    private final MemoryCrmStore store;
    private final VersionedTable<TeamId, Rotation> table;

    MemoryRotationRepository(MemoryCrmStore store, VersionedTable<TeamId, Rotation> table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Optional<Rotation> find(TeamId team) {
        ValidationException.requireNonNull(team, "team");
        return store.read(() -> table.get(team));
    }

    @Override
    public Rotation save(Rotation rotation) {
        ValidationException.requireNonNull(rotation, "rotation");
        Rotation stored = new Rotation(rotation.team(), rotation.last(), rotation.version() + 1);
        return table.save(store, rotation.team(), rotation.version(), stored, current -> {});
    }
}
