package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.BulkMode;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionDraft;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.InteractionService;
import org.crmkit.core.interaction.LogReport;
import org.crmkit.jdbc.JdbcCrmStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does {@code interactions().logAll(drafts, BulkMode.KEEP_VALID)} record 100k interactions
 * through the JDBC store on PostgreSQL, against a hand-written batched JDBC {@code INSERT} of the very
 * same rows into the same tables (the aim: at least 0.7 of its throughput)?
 *
 * <p>Data: {@code interactions} (default 100,000) interactions from {@link InteractionDataGenerator#stream}
 * (seed {@value #SEED}) of the {@code customers} (default 100,000) customers of {@link
 * CustomerDataGenerator} (seed {@value #CUSTOMER_SEED}), in the order they occurred: mixed channels
 * and directions, 7.5% with a second participant, 5.5% with links, three quarters with an external id
 * (none repeated), about 107k participant rows and 5.5k link rows in all. They go into a tenant that
 * already has {@code existing} interactions: {@code 0}, tables emptied by {@code TRUNCATE} before
 * every invocation (so, as for a new installation's first import, PostgreSQL has no statistics for
 * them), or {@code 1000000} of another stream of the same customers, loaded with {@code COPY} and
 * analysed once, from which each invocation's rows are deleted again (and the tables vacuumed)
 * before the next. The customers and the existing interactions are stored in the schema {@code
 * crmkit_bench_logging} (see {@link BenchmarkDatabase}) and kept for later runs; all the cleaning up
 * happens outside the measured time. The drafts and interactions are built once per trial. Writers:
 *
 * <ul>
 *   <li>{@code handwritten}: the rows {@code logAll} wrote in the trial's setup, read back into memory
 *       ({@link CapturedRows}), inserted with one {@code PreparedStatement} per table, {@code
 *       addBatch} per row and {@code executeBatch} every 500 rows, in one transaction: the fastest
 *       plain JDBC a host would write, exactly as {@link CustomerImportBenchmark} measures it.
 *   <li>{@code logAll}: {@code InteractionService.logAll(drafts, BulkMode.KEEP_VALID)}, as a host
 *       calls it: per chunk of 1,000 drafts a unit of work that validates them, reads their customers
 *       to check they exist, looks up their external ids and appends them with batched multi-row
 *       inserts.
 *   <li>{@code appendAll}: the store's {@code InteractionRepository.appendAll} alone, of the same
 *       interactions built beforehand, 1,000 per call (each its own transaction, as in {@code logAll}):
 *       what of {@code logAll}'s time is the store's writing, and what the service's checks.
 * </ul>
 *
 * Throughput is {@code interactions} divided by the single-shot time; the ratio asked for is the
 * {@code handwritten} time over the {@code logAll} time. Every writer connects with {@code
 * reWriteBatchedInserts=true}. Run, after {@code mvn -pl crm-benchmarks -am package -DskipTests}
 * (about 15 minutes on a 2-core machine, the first time 2 more to store the customers and the
 * existing interactions):
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar InteractionLoggingBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class InteractionLoggingBenchmark {
    /** The seed of the interactions. */
    public static final long SEED = 20_250_106L;
    /** The seed of the customers, as in the other store benchmarks. */
    public static final long CUSTOMER_SEED = 20_240_611L;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Actor ACTOR = Actor.system("benchmark-import");
    private static final int CHUNK = InteractionService.CHUNK_SIZE;
    private static final String[] TABLES = {"crm_interaction", "crm_interaction_participant", "crm_interaction_link"};
    /** Selects, in {@code crm_interaction}, the rows the benchmark recorded (never the existing ones). */
    private static final String LOGGED =
            "tenant_id = 'benchmark' AND recorded_by_kind = 'SYSTEM'" + " AND recorded_by = 'benchmark-import'";

    /** How many interactions one invocation records. */
    @Param({"100000"})
    public int interactions;

    /** How many interactions the tenant has before each invocation: {@code 0} (emptied tables) or more. */
    @Param({"0", "1000000"})
    public int existing;

    /** How many customers the interactions are spread over. */
    @Param({"100000"})
    public int customers;

    /** {@code handwritten}, {@code logAll} or {@code appendAll}. */
    @Param({"handwritten", "logAll", "appendAll"})
    public String writer;

    private BenchmarkDatabase db;
    private InteractionService service;
    private InteractionRepository repository;
    private List<InteractionDraft> drafts;
    private List<Interaction> built;
    private List<CapturedRows> rows;

    /** Stores the customers if needed, builds the drafts and, for the baseline, captures the rows. */
    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        db = BenchmarkDatabase.open("postgresql", "crmkit_bench_logging", false);
        if (!StoredSchema.migrates(db)) {
            db.close();
            db = BenchmarkDatabase.open("postgresql", "crmkit_bench_logging", true);
        }
        JdbcCrmStore jdbc = JdbcCrmStore.create(db.dataSource());
        jdbc.migrate();
        boolean filled = BenchmarkCustomers.count(db, TENANT) == customers;
        List<CustomerId> ids = BenchmarkCustomers.ensure(db, jdbc, TENANT, customers, CUSTOMER_SEED);
        if (!filled) {
            db.analyze();
        }
        removeLogged();
        if (existing == 0) {
            db.truncate(TABLES);
        } else if (interactionCount() != existing) {
            db.truncate(TABLES);
            InteractionCopy.load(db, TENANT, InteractionDataGenerator.stream(SEED + 1, TENANT, ids, existing));
        }
        InteractionDataGenerator stream = InteractionDataGenerator.stream(SEED, TENANT, ids, interactions);
        service = Crm.builder().store(jdbc).build().forTenant(TENANT).as(ACTOR).interactions();
        repository = jdbc.interactions(TENANT);
        switch (writer) {
            case "handwritten":
                drafts = drafts(stream);
                check(service.logAll(drafts, BulkMode.KEEP_VALID));
                rows = new ArrayList<>();
                rows.add(CapturedRows.read(db, "crm_interaction", "WHERE " + LOGGED));
                for (String child : new String[] {"crm_interaction_participant", "crm_interaction_link"}) {
                    rows.add(CapturedRows.read(
                            db,
                            child,
                            "WHERE interaction_id IN (SELECT id FROM crm_interaction" + " WHERE " + LOGGED + ")"));
                }
                removeLogged();
                drafts = null;
                break;
            case "logAll":
                drafts = drafts(stream);
                break;
            case "appendAll":
                built = new ArrayList<>(interactions);
                for (int k = 0; k < interactions; k++) {
                    // recorded by the benchmark's actor, as logAll records them, so that cleaning up finds them
                    built.add(
                            stream.interaction(k).toBuilder().recordedBy(ACTOR).build());
                }
                break;
            default:
                throw new IllegalArgumentException("no writer " + writer);
        }
        System.out.printf(
                Locale.ROOT,
                "%n# %s, %,d interactions of %,d customers into %,d, writer %s%n",
                db,
                interactions,
                ids.size(),
                existing,
                writer);
    }

    private static List<InteractionDraft> drafts(InteractionDataGenerator stream) {
        List<InteractionDraft> drafts = new ArrayList<>(stream.size());
        for (int k = 0; k < stream.size(); k++) {
            drafts.add(stream.draft(k));
        }
        return drafts;
    }

    private long check(LogReport report) {
        if (report.logged() != interactions) {
            throw new IllegalStateException("logAll logged " + report.logged() + " of " + interactions + ": " + report);
        }
        return report.logged();
    }

    /**
     * Before each invocation, outside the measured time: empties the interaction tables, or removes
     * what the last invocation recorded and vacuums them.
     */
    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        if (existing == 0) {
            db.truncate(TABLES);
        } else {
            removeLogged();
        }
    }

    /** Deletes the interactions recorded by {@link #ACTOR}, with their children, and vacuums the tables. */
    private void removeLogged() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            int removed = 0;
            for (String child : new String[] {"crm_interaction_participant", "crm_interaction_link"}) {
                removed += s.executeUpdate("DELETE FROM " + child + " c USING crm_interaction i WHERE i.tenant_id ="
                        + " c.tenant_id AND i.id = c.interaction_id AND i." + LOGGED.replace(" AND ", " AND i."));
            }
            removed += s.executeUpdate("DELETE FROM crm_interaction WHERE " + LOGGED);
            if (removed > 0) {
                s.execute("VACUUM " + String.join(", ", TABLES));
            }
        }
    }

    private long interactionCount() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM crm_interaction")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** Records the interactions with the writer under test. */
    @Benchmark
    public long logInteractions() throws SQLException {
        if (rows != null) {
            return insertByHand();
        }
        if (drafts != null) {
            return check(service.logAll(drafts, BulkMode.KEEP_VALID));
        }
        long written = 0;
        for (int from = 0; from < built.size(); from += CHUNK) {
            written += repository
                    .appendAll(built.subList(from, Math.min(built.size(), from + CHUNK)))
                    .size();
        }
        return written;
    }

    private long insertByHand() throws SQLException {
        long written = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (CapturedRows table : rows) {
                written += table.insert(c);
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return written;
    }
}
