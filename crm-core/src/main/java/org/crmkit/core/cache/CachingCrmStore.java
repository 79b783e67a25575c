package org.crmkit.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.ProductBaskets;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.TaskRepository;

/**
 * A {@link CrmStore} that serves customer lookups by id from a Caffeine cache in front of another
 * store. Inside a unit of work reads go to the store (they may see the unit's own writes) and written
 * keys are invalidated again when it ends, whether it commits or rolls back, so the cache never holds
 * what was not committed. Thread-safe.
 */
public final class CachingCrmStore implements CrmStore {
    private final CrmStore store;
    private final Cache<Key, Customer> customers;
    private final ThreadLocal<Set<Key>> written = new ThreadLocal<>();

    private CachingCrmStore(CrmStore store, CacheSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.customers = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.timeToLive())
                .build();
    }

    /** Wraps {@code store} in a cache bounded by {@code settings}. */
    public static CrmStore wrap(CrmStore store, CacheSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new CachingCrmStore(store, settings);
    }

    @Override
    public CustomerRepository customers(TenantId tenant) {
        return new CachingCustomerRepository(store.customers(tenant), this, tenant);
    }

    @Override
    public RelationshipRepository relationships(TenantId tenant) {
        return store.relationships(tenant);
    }

    /** The interactions of {@code tenant}, straight from the store behind: interactions are not cached. */
    @Override
    public InteractionRepository interactions(TenantId tenant) {
        return store.interactions(tenant);
    }

    @Override
    public RequestRepository requests(TenantId tenant) {
        return store.requests(tenant);
    }

    @Override
    public TaskRepository tasks(TenantId tenant) {
        return store.tasks(tenant);
    }

    @Override
    public RotationRepository rotations(TenantId tenant) {
        return store.rotations(tenant);
    }

    @Override
    public PipelineRepository pipelines(TenantId tenant) {
        return store.pipelines(tenant);
    }

    @Override
    public OpportunityRepository opportunities(TenantId tenant) {
        return store.opportunities(tenant);
    }

    @Override
    public OrderRepository orders(TenantId tenant) {
        return store.orders(tenant);
    }

    @Override
    public ProductBaskets productBaskets(TenantId tenant) {
        return store.productBaskets(tenant);
    }

    @Override
    public QuotaRepository quotas(TenantId tenant) {
        return store.quotas(tenant);
    }

    @Override
    public PipelineTotals pipelineTotals(TenantId tenant) {
        return store.pipelineTotals(tenant);
    }

    @Override
    public boolean inUnitOfWork() {
        return store.inUnitOfWork();
    }

    @Override
    public void afterCommit(Runnable action) {
        store.afterCommit(action);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (written.get() != null) {
            return store.inTransaction(work);
        }
        Set<Key> keys = new HashSet<>();
        written.set(keys);
        try {
            return store.inTransaction(work);
        } finally {
            written.remove();
            customers.invalidateAll(keys);
            // a store that commits later (with the host's transaction) could let a reader cache the
            // old version until then
            store.afterCommit(() -> customers.invalidateAll(keys));
        }
    }

    /** The cached customer, loading it through {@code load} outside a unit of work. */
    java.util.Optional<Customer> find(Key key, Supplier<java.util.Optional<Customer>> load) {
        if (written.get() != null) {
            return load.get();
        }
        // get(key, loader) runs the load atomically with invalidation of the key, so a writer's
        // invalidate never slips in between our read and our put and leaves an old version behind
        return java.util.Optional.ofNullable(customers.get(key, k -> load.get().orElse(null)));
    }

    /** Forgets {@code key} now and, inside a unit of work, again when the unit ends. */
    void invalidate(Key key) {
        customers.invalidate(key);
        Set<Key> keys = written.get();
        if (keys != null) {
            keys.add(key);
        }
    }

    /** A customer of one tenant. */
    record Key(TenantId tenant, CustomerId id) {}
}
