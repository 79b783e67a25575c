package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
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
import org.crmkit.core.segment.RfmScores;
import org.crmkit.core.segment.SegmentMembers;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.TaskRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A {@link CrmStore} over plain JDBC on a host's {@link DataSource}: H2, PostgreSQL and MariaDB (or
 * MySQL).
 *
 * <pre>{@code
 * JdbcCrmStore store = JdbcCrmStore.create(dataSource); // dialect from the connection's metadata
 * store.migrate();                                      // unless the host applies the migrations itself
 * Crm crm = Crm.builder().store(store).build();
 * }</pre>
 *
 * <p><b>Schema.</b> The tables are created and changed by Flyway migrations shipped in this jar
 * under {@code org/crmkit/jdbc/migration/<dialect>}, recorded in their own history table
 * {@value #HISTORY_TABLE}, so they never mix with a host's own Flyway history. {@link #migrate()}
 * applies them to the data source's current schema; a host with its own migration tool may take the
 * same files instead. Every table is named {@code crm_…} and leads its keys with the tenant.
 *
 * <p><b>Units of work.</b> {@link #inTransaction} runs its work on one connection with auto-commit
 * off, bound to the calling thread, and commits at the end or rolls back on any exception; nested
 * calls join it. Outside a unit of work each repository call is its own. A statement that fails
 * inside a unit of work makes the whole unit roll back at its end, even when the work caught the
 * exception: the database may already have undone part of it. The isolation level is the data
 * source's; READ COMMITTED is enough, and on MariaDB it avoids the gap-lock deadlocks of REPEATABLE
 * READ.
 *
 * <p><b>Errors.</b> No {@code SQLException} leaves the store: a stale write is a
 * {@link org.crmkit.core.common.ConcurrentUpdateException}, a lost connection, timeout or deadlock a
 * {@link StoreUnavailableException} with the driver's exception as cause.
 *
 * <p>Thread-safe and cheap to share; the repositories it hands out are too. It holds no connection
 * between calls and keeps no state of its own outside the database, so many host instances may
 * share one database.
 */
public final class JdbcCrmStore implements CrmStore {
    /** The table in which Flyway records the migrations of this store. */
    public static final String HISTORY_TABLE = "crmkit_schema_history";

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final Transactor tx;

    private JdbcCrmStore(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tx = new Transactor(dataSource, dialect == JdbcDialect.MARIADB);
    }

    /**
     * A store on {@code dataSource}, its dialect read from a connection's metadata.
     *
     * @throws StoreUnavailableException when no connection can be had to read the metadata
     * @throws IllegalArgumentException when the database is none of those {@link JdbcDialect} names
     */
    public static JdbcCrmStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** Starts configuring a store on {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The dialect this store speaks. */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * Applies the migrations this version of the store has and the schema lacks, with Flyway, to the
     * data source's current schema, recording them in {@value #HISTORY_TABLE}. A schema that already
     * holds other tables (the host's) is baselined at version 0 first. Safe to call on every start
     * and from several instances at once (Flyway locks the history table).
     *
     * @return how many migrations were applied now
     * @throws StoreUnavailableException when the database cannot be reached or a migration fails
     */
    public int migrate() {
        try {
            MigrateResult result = Flyway.configure(JdbcCrmStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("before CRMKit")
                    .placeholderReplacement(false)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreUnavailableException("Could not migrate the CRMKit schema: " + e.getMessage(), e);
        }
    }

    /** The customers of {@code tenant}. */
    @Override
    public CustomerRepository customers(TenantId tenant) {
        return new JdbcCustomerRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /** The relationships between customers of {@code tenant}. */
    @Override
    public RelationshipRepository relationships(TenantId tenant) {
        return new JdbcRelationshipRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The interactions with customers of {@code tenant}, in {@code crm_interaction} and its
     * participant and link tables: append-only, a customer's timeline paged by keyset over one index
     * and loaded in at most three statements per page, batched inserts for {@code appendAll}, and
     * duplicate ids, external ids and second corrections refused as {@link
     * org.crmkit.core.interaction.DuplicateInteractionException} naming the field, with nothing
     * written. Instants and durations are kept to the microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public InteractionRepository interactions(TenantId tenant) {
        return new JdbcInteractionRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The service requests of {@code tenant}, one row each in {@code crm_request}: every read is one
     * statement, the overdue list ranges over an index on the earliest pending deadline, and a second
     * request opened by the same interaction is refused by a unique key. Instants are kept to the
     * microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public RequestRepository requests(TenantId tenant) {
        return new JdbcRequestRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The tasks of {@code tenant}, in {@code crm_task} and their reminders in {@code
     * crm_task_reminder}: a list of any number of tasks is read in two statements (the tasks, then
     * their reminders), the tasks with reminders due in a window are found first through an index on
     * undelivered reminders of open tasks by time, and origins compare exactly under a unique key.
     * Instants and reminder offsets are kept to the microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public TaskRepository tasks(TenantId tenant) {
        return new JdbcTaskRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * Whose turn it is in each of {@code tenant}'s teams, one row per team in {@code crm_rotation}.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public RotationRepository rotations(TenantId tenant) {
        return new JdbcRotationRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The sales pipelines of {@code tenant}, in {@code crm_pipeline} (won and lost reasons as JSON
     * arrays) and their stages, in order, in {@code crm_pipeline_stage}: any number of pipelines is
     * read in two statements, and a save replaces the stages whole. Instants are kept to the
     * microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public PipelineRepository pipelines(TenantId tenant) {
        return new JdbcPipelineRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The opportunities of {@code tenant}, in {@code crm_opportunity} with their line items in {@code
     * crm_opportunity_line} and their stage history in {@code crm_opportunity_stage_change}: a list
     * of any number of opportunities is read in at most three statements, the open ones of a customer
     * or a sales rep through an index led by them and the status, and a save inserts only the history
     * entries the stored history lacks. Amounts read back exactly (NUMERIC(38, 4) with the currency),
     * instants to the microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public OpportunityRepository opportunities(TenantId tenant) {
        return new JdbcOpportunityRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The orders of {@code tenant}, in {@code crm_order} and their lines in {@code crm_order_line}:
     * append-only, a customer's latest read newest first over one index, any number of orders in two
     * statements, batched inserts for {@code appendAll}, and a taken id or external id (compared
     * exactly, unique in the tenant) refused as a {@link org.crmkit.core.common.ConcurrentUpdateException}
     * with nothing written. Totals and line totals are stored beside the lines for analysis in SQL.
     * Instants are kept to the microsecond, what finer there is is cut.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public OrderRepository orders(TenantId tenant) {
        return new JdbcOrderRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The basket counts of {@code tenant}'s orders, counted in SQL: three grouped statements over the
     * orders of a period and their lines, the pairs of products joined line to line within an order.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public ProductBaskets productBaskets(TenantId tenant) {
        return new JdbcProductBaskets(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The sales quotas of {@code tenant}, in {@code crm_sales_quota}: one row per sales rep and
     * month, set by one upsert.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public QuotaRepository quotas(TenantId tenant) {
        return new JdbcQuotaRepository(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The pipeline sums of {@code tenant}'s opportunities, summed in SQL: one grouped statement for
     * the open ones per stage, one for those closed in a period with the furthest stage each reached,
     * and two per 200 periods for the weighted forecast.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public PipelineTotals pipelineTotals(TenantId tenant) {
        return new JdbcPipelineTotals(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The RFM scores of {@code tenant}'s customers, scored in SQL with window functions over the
     * orders grouped per customer: a page of scores or the grid in one statement.
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public RfmScores rfmScores(TenantId tenant) {
        return new JdbcRfmScores(tx, dialect, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /**
     * The members of segment rules over {@code tenant}'s customers, each rule compiled to one
     * parameterised query (rules on custom attributes or consent are evaluated in memory).
     *
     * @throws ValidationException when {@code tenant} is null
     */
    @Override
    public SegmentMembers segmentMembers(TenantId tenant) {
        ValidationException.requireNonNull(tenant, "tenant");
        return new JdbcSegmentMembers(tx, dialect, tenant, CrmStore.super.segmentMembers(tenant));
    }

    /**
     * Runs {@code work} on one connection as one database transaction, or as part of the one the
     * thread already runs.
     *
     * @throws StoreUnavailableException when no connection can be had, the commit fails, or a
     *     statement in the unit failed (after rolling back)
     * @throws RuntimeException whatever {@code work} throws, after rolling back
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        ValidationException.requireNonNull(work, "work");
        return tx.inTransaction(work);
    }

    /** Whether the calling thread is inside {@link #inTransaction}. */
    @Override
    public boolean inUnitOfWork() {
        return tx.inUnit();
    }

    @Override
    public String toString() {
        return "JdbcCrmStore[" + dialect + "]";
    }

    /**
     * Configures a {@link JdbcCrmStore}. Not thread-safe; {@link #build()} may be called more than
     * once.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcDialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The dialect to speak, instead of reading it from the connection's metadata. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Builds the store.
         *
         * @throws StoreUnavailableException when the dialect is to be detected and no connection can
         *     be had
         * @throws IllegalArgumentException when the detected database is not supported
         */
        public JdbcCrmStore build() {
            return new JdbcCrmStore(dataSource, dialect != null ? dialect : detect(dataSource));
        }

        private static JdbcDialect detect(DataSource dataSource) {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, "reading which database the data source connects to");
            }
            return JdbcDialect.forProductName(product)
                    .orElseThrow(() -> new IllegalArgumentException("CRMKit's JDBC store does not support "
                            + product + "; it speaks H2, PostgreSQL and MariaDB/MySQL"
                            + " (JdbcCrmStore.builder(dataSource).dialect(...) to choose one)"));
        }
    }
}
