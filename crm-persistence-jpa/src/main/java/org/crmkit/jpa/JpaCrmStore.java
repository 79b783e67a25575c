package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
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
import org.crmkit.jpa.internal.AddressLinesConverter;
import org.crmkit.jpa.internal.AttributeMapConverter;
import org.crmkit.jpa.internal.AuditValue;
import org.crmkit.jpa.internal.ConsentListConverter;
import org.crmkit.jpa.internal.ContactLockEntity;
import org.crmkit.jpa.internal.ContactPointValue;
import org.crmkit.jpa.internal.CustomerEntity;
import org.crmkit.jpa.internal.InteractionEntity;
import org.crmkit.jpa.internal.InteractionLinkEntity;
import org.crmkit.jpa.internal.InteractionParticipantEntity;
import org.crmkit.jpa.internal.LineValue;
import org.crmkit.jpa.internal.OpportunityEntity;
import org.crmkit.jpa.internal.OpportunityLineEntity;
import org.crmkit.jpa.internal.OpportunityStageChangeEntity;
import org.crmkit.jpa.internal.OrderEntity;
import org.crmkit.jpa.internal.OrderLineEntity;
import org.crmkit.jpa.internal.PipelineEntity;
import org.crmkit.jpa.internal.PipelineStageEntity;
import org.crmkit.jpa.internal.QuotaEntity;
import org.crmkit.jpa.internal.ReasonListConverter;
import org.crmkit.jpa.internal.RelationshipEntity;
import org.crmkit.jpa.internal.RequestEntity;
import org.crmkit.jpa.internal.RotationEntity;
import org.crmkit.jpa.internal.TaskEntity;
import org.crmkit.jpa.internal.TaskReminderEntity;

/**
 * A {@link CrmStore} over Jakarta Persistence: CRMKit's data kept by the host's own persistence
 * provider, in the host's database, with CRMKit's own entity classes. Provider-neutral; tested with
 * Hibernate ORM 7 on H2 and PostgreSQL.
 *
 * <p><b>Setting up.</b> Add CRMKit's entities to the host's persistence unit, either by listing
 * {@link #managedClasses()} (for example with {@code PersistenceConfiguration.managedClass}) or by
 * naming the mapping file {@value #MAPPING_FILE} in {@code persistence.xml}; create the tables with
 * {@link #migrate(DataSource)} (or apply the same SQL files, under {@value #MIGRATION_LOCATION},
 * with the host's own migration tool); then make the store:
 *
 * <pre>{@code
 * JpaCrmStore.migrate(dataSource);
 * CrmStore store = JpaCrmStore.create(entityManagerFactory);
 * Crm crm = Crm.builder().store(store).build();
 * }</pre>
 *
 * <p><b>Units of work.</b> A store made by {@link #create} keeps resource-local transactions of its
 * own: {@link #inTransaction} opens an {@code EntityManager} and an {@code EntityTransaction} bound
 * to the calling thread, every repository call on that thread joins them, nested calls join the
 * outer unit, and an exception rolls the whole unit back. Outside {@code inTransaction} each
 * repository call is its own unit of work. A host whose transactions are managed elsewhere (JTA, a
 * Spring transaction manager) builds the store with {@link Builder#joinHostTransactions} instead:
 * CRMKit then works in the {@code EntityManager} the host supplies and never begins, commits or
 * rolls back; see there.
 *
 * <p><b>Versions and errors.</b> Optimistic locking uses the entities' {@code @Version}; a stale
 * write fails with {@code ConcurrentUpdateException} and writes nothing. Every failure surfaces as a
 * {@link CrmException}; a failure of the provider or the database that is not about the data is a
 * {@link StoreUnavailableException} whose cause holds the original exception. Stored timestamps keep
 * microseconds (PostgreSQL's precision): a saved aggregate comes back with finer digits truncated.
 *
 * <p><b>Duplicate checks.</b> Before the customer service looks for other customers with an e-mail
 * or phone, the store locks that value's row in {@code crmkit_contact_lock} (inserting the row when
 * the value is new) until the unit of work ends. A concurrent writer checking the same value waits
 * and then sees the customer stored meanwhile; when two writers insert the row of a new value at
 * once, the later one fails with {@code ConcurrentUpdateException} and may simply try again.
 *
 * <p><b>Interactions.</b> Interactions are append-only rows: the store inserts them and never
 * updates or deletes them. A customer's timeline page is one query along an index of {@code
 * crmkit_interaction_participant} that leads with the tenant and the customer, newest first, plus one
 * statement for the participants and one for the links of the whole page; {@code activity} is one
 * aggregate query. Before an append the store looks up the ids, external ids and superseded
 * interactions it is about to write, so a duplicate fails with {@code DuplicateInteractionException}
 * without a failed statement (which on PostgreSQL would abort the whole transaction, the host's
 * included); only a concurrent writer of the same value makes the insert itself fail.
 *
 * <p><b>Requests, tasks and rotations.</b> Each is a versioned row ({@code crmkit_request}, {@code
 * crmkit_task}, {@code crmkit_rotation}); a task's reminders are rows of {@code
 * crmkit_task_reminder} that its version covers. Every save bumps the version, also one that changes
 * nothing. Before an insert the store looks up the id, the opening interaction of a request and the
 * origin of a task, so that a taken one fails with {@code ConcurrentUpdateException} without a
 * failed statement; a concurrent writer of the same value makes the insert fail with the same
 * exception. Lists of tasks read all their reminders in one statement. Taking a team's turn locks
 * its rotation's row until the unit of work ends, so concurrent turns wait instead of failing.
 *
 * <p><b>Sales.</b> Pipelines ({@code crmkit_pipeline}) and opportunities ({@code
 * crmkit_opportunity}) are versioned rows; a pipeline's stages, and an opportunity's line items and
 * stage history, are rows of child tables that its version covers, written position by position.
 * Lists of opportunities read all their lines and history in two more statements, however many
 * there are, and a read that a writer overtakes between its statements is read again whole. Orders
 * ({@code crmkit_order}, {@code crmkit_order_line}) are append-only like interactions: ids and
 * external ids (compared exactly) are looked up before the insert, so a taken one fails with {@code
 * ConcurrentUpdateException} without a failed statement. Amounts are kept exactly ({@code NUMERIC(38,
 * 4)} with the currency beside them), quantities and discounts to 4 decimals; an order's total is
 * stored beside its lines for analysis in SQL. Sales quotas are rows of {@code crmkit_sales_quota}, one
 * per sales rep and month. The pipeline figures (open amounts per stage, the funnel of closed
 * opportunities, the weighted forecast) are summed by the database in JPQL.
 *
 * <p><b>Batching.</b> {@code saveAll} persists new customers, and {@code appendAll} new interactions
 * and orders, in chunks and flushes each once, so the provider's JDBC batching applies; enable it in the
 * persistence unit, with Hibernate {@code hibernate.jdbc.batch_size=50} and {@code
 * hibernate.order_inserts=true}.
 *
 * <p>Thread-safe: share one store. Each unit of work belongs to the thread that runs it.
 */
public final class JpaCrmStore implements CrmStore {
    /** The mapping file that adds CRMKit's entity classes to a persistence unit, a class path resource. */
    public static final String MAPPING_FILE = "org/crmkit/jpa/orm.xml";

    /**
     * The class path folder of the shipped Flyway migrations; each supported database has its own
     * folder below it, {@code h2} and {@code postgresql}.
     */
    public static final String MIGRATION_LOCATION = "org/crmkit/jpa/migration";

    /** The table in which {@link #migrate} records the migrations it applied. */
    public static final String MIGRATION_HISTORY_TABLE = "crmkit_jpa_schema_history";

    private static final List<Class<?>> MANAGED_CLASSES = List.of(
            CustomerEntity.class,
            RelationshipEntity.class,
            ContactLockEntity.class,
            InteractionEntity.class,
            InteractionParticipantEntity.class,
            InteractionLinkEntity.class,
            RequestEntity.class,
            TaskEntity.class,
            TaskReminderEntity.class,
            RotationEntity.class,
            PipelineEntity.class,
            PipelineStageEntity.class,
            OpportunityEntity.class,
            OpportunityLineEntity.class,
            OpportunityStageChangeEntity.class,
            OrderEntity.class,
            OrderLineEntity.class,
            QuotaEntity.class,
            ContactPointValue.class,
            AuditValue.class,
            LineValue.class,
            AttributeMapConverter.class,
            ConsentListConverter.class,
            AddressLinesConverter.class,
            ReasonListConverter.class);

    private final EntityManagerFactory factory;
    private final Supplier<EntityManager> hostEntityManager;
    private final Consumer<Runnable> afterHostCommit;
    private final ThreadLocal<Unit> units = new ThreadLocal<>();

    private JpaCrmStore(
            EntityManagerFactory factory,
            Supplier<EntityManager> hostEntityManager,
            Consumer<Runnable> afterHostCommit) {
        this.factory = factory;
        this.hostEntityManager = hostEntityManager;
        this.afterHostCommit = afterHostCommit;
    }

    /**
     * A store that runs its own resource-local transactions on {@code factory}.
     *
     * @param factory an {@code EntityManagerFactory} of a resource-local persistence unit that
     *     holds {@link #managedClasses()}
     * @throws IllegalArgumentException when the persistence unit uses JTA; use {@link
     *     Builder#joinHostTransactions} for it
     */
    public static JpaCrmStore create(EntityManagerFactory factory) {
        return builder().entityManagerFactory(factory).build();
    }

    /** Starts configuring a store. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The entity, embeddable and converter classes that a persistence unit must hold for this
     * store. These classes are not CRMKit API: name them only in the persistence unit.
     *
     * @return the classes, in a fixed order; later versions may add classes
     */
    public static List<Class<?>> managedClasses() {
        return MANAGED_CLASSES;
    }

    /**
     * Creates or updates CRMKit's tables in the default schema of {@code dataSource} with the shipped
     * Flyway migrations, recorded in {@value #MIGRATION_HISTORY_TABLE}. Safe to call on every start:
     * it applies only migrations not yet applied, and it leaves the host's own tables and its own
     * Flyway history alone. Needs {@code flyway-core} (and {@code flyway-database-postgresql} for
     * PostgreSQL) on the class path.
     *
     * @param dataSource a data source of an H2 or PostgreSQL database
     * @return the number of migrations applied now
     * @throws ValidationException when the database is neither H2 nor PostgreSQL
     * @throws StoreUnavailableException when the database cannot be reached or a migration fails
     */
    public static int migrate(DataSource dataSource) {
        return Migrations.migrate(ValidationException.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public CustomerRepository customers(TenantId tenant) {
        return new JpaCustomerRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    @Override
    public RelationshipRepository relationships(TenantId tenant) {
        return new JpaRelationshipRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The interactions with customers of {@code tenant}, in {@code crmkit_interaction} and its
     * participant and link tables. Appends check ids, external ids and corrections before they insert,
     * so a duplicate fails with {@link org.crmkit.core.interaction.DuplicateInteractionException}
     * naming the field and leaves the unit of work usable; instants and durations are kept to the
     * microsecond.
     */
    @Override
    public InteractionRepository interactions(TenantId tenant) {
        return new JpaInteractionRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The service requests of {@code tenant}, in {@code crmkit_request}. A request's {@code
     * nextDeadline} is stored with it, so that the overdue list is one index range; instants are kept
     * to the microsecond.
     */
    @Override
    public RequestRepository requests(TenantId tenant) {
        return new JpaRequestRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The tasks of {@code tenant}, in {@code crmkit_task} with their reminders in {@code
     * crmkit_task_reminder}; instants and reminder offsets are kept to the microsecond.
     */
    @Override
    public TaskRepository tasks(TenantId tenant) {
        return new JpaTaskRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /** The rotations of {@code tenant}'s teams, in {@code crmkit_rotation}. */
    @Override
    public RotationRepository rotations(TenantId tenant) {
        return new JpaRotationRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The sales pipelines of {@code tenant}, in {@code crmkit_pipeline} with their stages in {@code
     * crmkit_pipeline_stage}; the won and lost reasons are JSON columns of the pipeline's row.
     */
    @Override
    public PipelineRepository pipelines(TenantId tenant) {
        return new JpaPipelineRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The opportunities of {@code tenant}, in {@code crmkit_opportunity} with their line items in
     * {@code crmkit_opportunity_line} and their stage history in {@code
     * crmkit_opportunity_stage_change}; instants are kept to the microsecond, amounts exactly.
     */
    @Override
    public OpportunityRepository opportunities(TenantId tenant) {
        return new JpaOpportunityRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The orders of {@code tenant}, in {@code crmkit_order} with their lines in {@code
     * crmkit_order_line}. Appends check ids and external ids before they insert, so a taken one fails
     * with {@link org.crmkit.core.common.ConcurrentUpdateException} and leaves the unit of work usable;
     * {@code appendAll} records all or nothing.
     */
    @Override
    public OrderRepository orders(TenantId tenant) {
        return new JpaOrderRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The basket counts of {@code tenant}'s orders, counted by the database: three grouped queries
     * over the orders of a period and their lines.
     */
    @Override
    public ProductBaskets productBaskets(TenantId tenant) {
        return new JpaProductBaskets(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The sales quotas of {@code tenant}, in {@code crmkit_sales_quota}: a row per sales rep and
     * month, the amount exactly with its currency.
     */
    @Override
    public QuotaRepository quotas(TenantId tenant) {
        return new JpaQuotaRepository(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The pipeline figures of {@code tenant}'s opportunities, summed by the database in JPQL: the open
     * amounts per stage in one grouped query, the forecast in two grouped queries (open and won) per
     * 50 periods, and the closed opportunities of a period with their furthest stage in one query,
     * whose rows are summed here (JPQL cannot subtract timestamps portably for the sales cycle). No
     * opportunity is loaded as an entity. Each statement sees the opportunities as they are when it
     * starts: a forecast of several statements that runs while an opportunity is won may count it
     * both open and won, or neither.
     */
    @Override
    public PipelineTotals pipelineTotals(TenantId tenant) {
        return new JpaPipelineTotals(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * Runs {@code action} after commit: at once for a store with its own transactions (its
     * outermost {@link #inTransaction} has committed when it returns), and through the hook given to
     * {@link Builder#joinHostTransactions(Supplier, Consumer)} when the store joins the host's
     * transactions; without such a hook, at once, which may be before the host commits.
     */
    @Override
    public void afterCommit(Runnable action) {
        if (afterHostCommit == null) {
            action.run();
        } else {
            afterHostCommit.accept(action);
        }
    }

    /**
     * Runs {@code work} as one unit of work. With its own transactions (a store from {@link #create})
     * it begins a transaction unless the thread is already in one, commits when {@code work}
     * returns and rolls back when it throws; a nested call joins the outer unit. When the store
     * joins the host's transactions, {@code work} simply runs in the host's current transaction.
     *
     * @throws RuntimeException whatever {@code work} throws, after rolling back
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the commit finds a concurrent
     *     change; nothing was written
     * @throws StoreUnavailableException when the transaction cannot be begun or committed
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        ValidationException.requireNonNull(work, "work");
        if (factory == null || units.get() != null) {
            return work.get();
        }
        Unit unit = new Unit(open());
        units.set(unit);
        try {
            try {
                unit.transaction.begin();
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback(unit, e);
                throw e;
            }
            commit(unit);
            return result;
        } finally {
            units.remove();
            close(unit.entityManager);
        }
    }

    @Override
    public String toString() {
        return "JpaCrmStore[" + (factory != null ? "own transactions" : "host transactions") + "]";
    }

    /**
     * Whether the calling thread works in a unit of work that lasts beyond one repository call:
     * inside {@link #inTransaction} of a store with its own transactions, and always when the store
     * joins the host's transactions (which it must only be called inside), so that work retried on
     * a conflict is retried by the owner of the host's transaction, never inside it.
     */
    @Override
    public boolean inUnitOfWork() {
        return factory == null || units.get() != null;
    }

    /**
     * Runs {@code operation} with the entity manager of the current unit of work, or in a unit of
     * its own when there is none. {@code operation} translates its own failures.
     */
    <T> T run(Function<EntityManager, T> operation) {
        if (factory == null) {
            EntityManager em = hostEntityManager.get();
            if (em == null) {
                throw new StoreUnavailableException(
                        "the host supplied no EntityManager; call CRMKit inside the host's transaction", null);
            }
            return operation.apply(em);
        }
        Unit unit = units.get();
        if (unit == null) {
            return inTransaction(() -> run(operation));
        }
        try {
            return operation.apply(unit.entityManager);
        } catch (CrmException e) {
            if (unit.transaction.isActive() && unit.transaction.getRollbackOnly() && unit.failure == null) {
                unit.failure = e;
            }
            throw e;
        }
    }

    private EntityManager open() {
        try {
            return factory.createEntityManager();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private static void commit(Unit unit) {
        EntityTransaction tx = unit.transaction;
        if (tx.getRollbackOnly()) {
            // a write failed and the work went on; the provider allows nothing but a rollback now
            rollback(unit, null);
            throw unit.failure != null
                    ? unit.failure
                    : new StoreUnavailableException(
                            "the unit of work was marked for rollback after a failed write; nothing was written", null);
        }
        try {
            tx.commit();
        } catch (RuntimeException e) {
            rollback(unit, e);
            throw Errors.translate(e);
        }
    }

    private static void rollback(Unit unit, Throwable cause) {
        try {
            if (unit.transaction.isActive()) {
                unit.transaction.rollback();
            }
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void close(EntityManager em) {
        try {
            em.close();
        } catch (RuntimeException e) {
            // the unit of work is over; a failure to close the entity manager changes nothing stored
        }
    }

    /** The entity manager and transaction of one resource-local unit of work. */
    private static final class Unit {
        final EntityManager entityManager;
        final EntityTransaction transaction;
        CrmException failure;

        Unit(EntityManager entityManager) {
            this.entityManager = entityManager;
            this.transaction = entityManager.getTransaction();
        }
    }

    /**
     * Configures a {@link JpaCrmStore}: give exactly one of {@link #entityManagerFactory} and
     * {@link #joinHostTransactions}. Not thread-safe.
     */
    public static final class Builder {
        private EntityManagerFactory factory;
        private Supplier<EntityManager> hostEntityManager;
        private Consumer<Runnable> afterHostCommit;

        private Builder() {}

        /**
         * Lets the store run its own resource-local transactions on {@code factory}, one {@code
         * EntityManager} per unit of work.
         *
         * @throws IllegalArgumentException when the persistence unit uses JTA
         */
        public Builder entityManagerFactory(EntityManagerFactory factory) {
            Objects.requireNonNull(factory, "factory");
            if (factory.getTransactionType() == PersistenceUnitTransactionType.JTA) {
                throw new IllegalArgumentException(
                        "the persistence unit uses JTA transactions; build the store with joinHostTransactions(...)");
            }
            this.factory = factory;
            return this;
        }

        /**
         * Makes the store work in the host's transactions: every repository call uses the {@code
         * EntityManager} that {@code currentEntityManager} returns at that moment, which must be the
         * one bound to the host's current transaction (a container-managed {@code
         * @PersistenceContext}, Spring's shared {@code EntityManager}). The host demarcates:
         * {@code inTransaction} just runs its work in the current transaction, and an exception the
         * work throws rolls back when it leaves the host's transaction boundary. Writes flush at once
         * so that a stale version fails at the call; a failed write marks the host's transaction for
         * rollback. Call CRMKit only inside a transaction; domain events are published when CRMKit's
         * unit of work ends, which may be before the host commits: {@link
         * #joinHostTransactions(Supplier, Consumer)} defers them to the host's commit.
         */
        public Builder joinHostTransactions(Supplier<EntityManager> currentEntityManager) {
            this.hostEntityManager = Objects.requireNonNull(currentEntityManager, "currentEntityManager");
            return this;
        }

        /**
         * As {@link #joinHostTransactions(Supplier)}, and delivers domain events only once the host's
         * transaction has committed (never when it rolls back): CRMKit hands each delivery to {@code
         * afterHostCommit}, which must run it after the host's current transaction commits. With
         * Spring: {@code action -> TransactionSynchronizationManager.registerSynchronization(new
         * TransactionSynchronization() { public void afterCommit() { action.run(); } })}; with JTA,
         * a {@code Synchronization} registered with the {@code TransactionSynchronizationRegistry}
         * that runs it in {@code afterCompletion} when the status is {@code STATUS_COMMITTED}.
         */
        public Builder joinHostTransactions(
                Supplier<EntityManager> currentEntityManager, Consumer<Runnable> afterHostCommit) {
            joinHostTransactions(currentEntityManager);
            this.afterHostCommit = Objects.requireNonNull(afterHostCommit, "afterHostCommit");
            return this;
        }

        /**
         * Builds the store.
         *
         * @throws IllegalStateException unless exactly one way of reaching entity managers was given
         */
        public JpaCrmStore build() {
            if ((factory == null) == (hostEntityManager == null)) {
                throw new IllegalStateException("JpaCrmStore.builder() needs exactly one of entityManagerFactory(...)"
                        + " and joinHostTransactions(...)");
            }
            return new JpaCrmStore(factory, hostEntityManager, afterHostCommit);
        }
    }
}
