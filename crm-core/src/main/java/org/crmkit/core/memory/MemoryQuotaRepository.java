package org.crmkit.core.memory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;

/** {@link QuotaRepository} over one tenant's quotas, by month then owner. */
final class MemoryQuotaRepository implements QuotaRepository {
    private final MemoryCrmStore store;
    private final NavigableMap<YearMonth, Map<StaffId, Quota>> table;

    MemoryQuotaRepository(MemoryCrmStore store, NavigableMap<YearMonth, Map<StaffId, Quota>> table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public void put(Quota quota) {
        ValidationException.requireNonNull(quota, "quota");
        store.write(
                () -> table.computeIfAbsent(quota.month(), m -> new TreeMap<>(BY_OWNER))
                        .put(quota.owner(), quota),
                () -> undo(quota.owner(), quota.month()));
    }

    @Override
    public boolean remove(StaffId owner, YearMonth month) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(month, "month");
        return store.write(
                () -> {
                    Map<StaffId, Quota> owners = table.get(month);
                    return owners != null && owners.remove(owner) != null;
                },
                () -> undo(owner, month));
    }

    @Override
    public List<Quota> between(YearMonth from, YearMonth to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        return store.read(() -> {
            List<Quota> found = new ArrayList<>();
            if (from.isBefore(to)) {
                table.subMap(from, true, to, false).values().forEach(owners -> found.addAll(owners.values()));
            }
            return found;
        });
    }

    /** What puts back {@code owner}'s quota for {@code month} as it is now. */
    private Runnable undo(StaffId owner, YearMonth month) {
        Quota before = table.getOrDefault(month, Map.of()).get(owner);
        return () -> {
            Map<StaffId, Quota> owners = table.computeIfAbsent(month, m -> new TreeMap<>(BY_OWNER));
            if (before == null) {
                owners.remove(owner);
            } else {
                owners.put(owner, before);
            }
        };
    }

    private static final java.util.Comparator<StaffId> BY_OWNER = java.util.Comparator.comparing(StaffId::value);
}
