package org.crmkit.core.memory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskRepository;

/**
 * A {@link CrmStore} that keeps everything in the JVM's heap: the reference behaviour every other
 * store is compared with, and the store of tests, demos and small embedded uses.
 *
 * <p>Thread-safe and serialisable: a unit of work holds the store's write lock from start to end,
 * reads wait for it, and an exception undoes every write of the unit. Nothing survives the JVM.
 */
public final class MemoryCrmStore implements CrmStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<List<Runnable>> undoLog = new ThreadLocal<>();
    private final ConcurrentHashMap<TenantId, TenantData> tenants = new ConcurrentHashMap<>();

    private MemoryCrmStore() {}

    /** Creates an empty store. */
    public static MemoryCrmStore create() {
        return new MemoryCrmStore();
    }

    @Override
    public CustomerRepository customers(TenantId tenant) {
        return new MemoryCustomerRepository(this, data(tenant).customers);
    }

    @Override
    public RelationshipRepository relationships(TenantId tenant) {
        return new MemoryRelationshipRepository(this, data(tenant).relationships);
    }

    @Override
    public InteractionRepository interactions(TenantId tenant) {
        return new MemoryInteractionRepository(this, data(tenant).interactions);
    }

    @Override
    public RequestRepository requests(TenantId tenant) {
        return new MemoryRequestRepository(this, tenant, data(tenant).requests);
    }

    @Override
    public TaskRepository tasks(TenantId tenant) {
        return new MemoryTaskRepository(this, tenant, data(tenant).tasks);
    }

    @Override
    public RotationRepository rotations(TenantId tenant) {
        return new MemoryRotationRepository(this, data(tenant).rotations);
    }

    @Override
    public PipelineRepository pipelines(TenantId tenant) {
        return new MemoryPipelineRepository(this, tenant, data(tenant).pipelines);
    }

    @Override
    public OpportunityRepository opportunities(TenantId tenant) {
        return new MemoryOpportunityRepository(this, tenant, data(tenant).opportunities);
    }

    @Override
    public OrderRepository orders(TenantId tenant) {
        return new MemoryOrderRepository(this, tenant, data(tenant).orders);
    }

    @Override
    public QuotaRepository quotas(TenantId tenant) {
        return new MemoryQuotaRepository(this, data(tenant).quotas);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        ValidationException.requireNonNull(work, "work");
        if (undoLog.get() != null) {
            return work.get();
        }
        lock.writeLock().lock();
        List<Runnable> undo = new ArrayList<>();
        undoLog.set(undo);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        } finally {
            undoLog.remove();
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code read} under the read lock, so it never sees a unit of work half done. */
    <T> T read(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code write} under the write lock after {@code checkAndUndo} has checked that it may run;
     * the {@code Runnable} that one returns reverts the write when the surrounding unit of
     * work fails.
     */
    <T> T write(Supplier<T> write, Supplier<Runnable> checkAndUndo) {
        lock.writeLock().lock();
        try {
            Runnable revert = checkAndUndo.get();
            T result = write.get();
            List<Runnable> log = undoLog.get();
            if (log != null) {
                log.add(revert);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private TenantData data(TenantId tenant) {
        ValidationException.requireNonNull(tenant, "tenant");
        return tenants.computeIfAbsent(tenant, TenantData::new);
    }

    /** Everything one tenant has. */
    private static final class TenantData {
        final CustomerTable customers;
        final RelationshipTable relationships;
        final InteractionTable interactions;
        final VersionedTable<RequestId, Request> requests = new VersionedTable<>("Request", Request::version);
        final VersionedTable<TaskId, Task> tasks = new VersionedTable<>("Task", Task::version);
        final VersionedTable<TeamId, Rotation> rotations = new VersionedTable<>("Rotation", Rotation::version);
        final VersionedTable<PipelineId, Pipeline> pipelines = new VersionedTable<>("Pipeline", Pipeline::version);
        final VersionedTable<OpportunityId, Opportunity> opportunities =
                new VersionedTable<>("Opportunity", Opportunity::version);
        final MemoryOrderRepository.Table orders = new MemoryOrderRepository.Table();
        final NavigableMap<YearMonth, Map<StaffId, Quota>> quotas = new TreeMap<>();

        TenantData(TenantId tenant) {
            this.customers = new CustomerTable(tenant);
            this.relationships = new RelationshipTable(tenant);
            this.interactions = new InteractionTable(tenant);
        }
    }
}
