package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.StoreUnavailableException;

/**
 * Reads aggregates whose root rows and child rows come in separate statements, whole: in chunks
 * that keep the child query's {@code IN} list short, and again under a shared lock for the roots a
 * writer changed between the two statements (writers update the root's row, its version, first, so
 * the lock holds such a root still until its children are read).
 */
final class WholeReads {
    private WholeReads() {}

    /** The child rows of some roots, and the ids of the roots they show torn (of another version, or missing rows). */
    interface Children {
        /** The roots whose children belong to another version than the root row read. */
        Set<UUID> torn();
    }

    /** {@code assemble} over {@code roots}, {@code chunk} at a time, results in order. */
    static <E, T> List<T> inChunks(List<E> roots, int chunk, Function<List<E>, List<T>> assemble) {
        if (roots.size() <= chunk) {
            return roots.isEmpty() ? List.of() : assemble.apply(roots);
        }
        List<T> all = new ArrayList<>(roots.size());
        for (int i = 0; i < roots.size(); i += chunk) {
            all.addAll(assemble.apply(roots.subList(i, Math.min(roots.size(), i + chunk))));
        }
        return all;
    }

    /** {@code roots} by id, in their order. */
    static <E> Map<UUID, E> byId(List<E> roots, Function<E, UUID> id) {
        Map<UUID, E> byId = new LinkedHashMap<>();
        for (E root : roots) {
            byId.put(id.apply(root), root);
        }
        return byId;
    }

    /**
     * The children of {@code roots} read by {@code read}, consistent with the root rows: roots a
     * writer tore are refreshed under a shared lock and their children read again.
     *
     * @param kind the aggregates' name in plural, for the message of the (unexpected) second tear
     * @throws StoreUnavailableException when even the locked read sees a tear
     */
    static <E, C extends Children> C readWhole(
            EntityManager em, Map<UUID, E> roots, Function<Map<UUID, E>, C> read, String kind) {
        C children = read.apply(roots);
        if (children.torn().isEmpty()) {
            return children;
        }
        for (UUID id : children.torn()) {
            em.refresh(roots.get(id), LockModeType.PESSIMISTIC_READ);
        }
        children = read.apply(roots);
        if (!children.torn().isEmpty()) {
            throw new StoreUnavailableException(
                    kind + " " + children.torn() + " changed while they were read under a lock", null);
        }
        return children;
    }
}
