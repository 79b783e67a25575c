package org.crmkit.core.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;

/**
 * One tenant's rows of a versioned aggregate, by id, with optimistic saves that the store's undo log
 * can revert. Guarded by the store's lock.
 *
 * @param <K> the id type
 * @param <V> the aggregate type
 */
final class VersionedTable<K, V> {
    private final String entity;
    private final ToLongFunction<V> version;
    private final Map<K, V> rows = new HashMap<>();

    VersionedTable(String entity, ToLongFunction<V> version) {
        this.entity = entity;
        this.version = version;
    }

    Optional<V> get(K id) {
        return Optional.ofNullable(rows.get(id));
    }

    Collection<V> all() {
        return rows.values();
    }

    /**
     * Replaces the row {@code id}, at version {@code expected}, by {@code stored}, after {@code
     * check} accepted the change (it sees the current row, or null); reverts on rollback.
     */
    V save(MemoryCrmStore store, K id, long expected, V stored, Consumer<V> check) {
        return store.write(
                () -> {
                    rows.put(id, stored);
                    return stored;
                },
                () -> {
                    V current = rows.get(id);
                    if (current == null && expected != 0) {
                        throw new NotFoundException(entity, id);
                    }
                    if (current == null ? expected != 0 : expected == 0 || version.applyAsLong(current) != expected) {
                        throw new ConcurrentUpdateException(entity, id, expected);
                    }
                    check.accept(current);
                    return () -> {
                        if (current == null) {
                            rows.remove(id);
                        } else {
                            rows.put(id, current);
                        }
                    };
                });
    }
}
