package org.crmkit.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.cache.CacheSettings;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.jdbc.JdbcCrmStore;
import org.crmkit.jpa.JpaCrmStore;
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
 * How long do lookups by id and by e-mail and a name-search page of 50 take among 1M customers in
 * PostgreSQL, through the JDBC store, the JPA store, and the JDBC store behind the Caffeine cache?
 *
 * <p>Data: one tenant of {@code customers} (default 1,000,000) customers from
 * {@link CustomerDataGenerator} (seed {@value #SEED}), in the schema {@code crmkit_bench_lookup} of
 * the benchmark server (see {@link BenchmarkDatabase}). The first run fills it through
 * {@code saveAll} (JDBC and JPA tables each, a few minutes) and {@code ANALYZE}s it; later runs find it
 * filled and reuse it. Every operation goes through the {@link CustomerService} of the facade, as a
 * host calls it:
 *
 * <ul>
 *   <li>{@link #findById}: {@code get} of a uniformly random existing customer.
 *   <li>{@link #findByIdHot}: {@code get} of one of {@value #HOT} customers, the cache's hit path.
 *   <li>{@link #findByEmail}: {@code findByEmail} of a random customer's first e-mail.
 *   <li>{@link #searchPage}: the first page of 50 of {@code list(CustomerQuery.nameStartsWith(p))},
 *       {@code p} the first three letters of a random customer's display name (so common prefixes such
 *       as "ngu" or "mül" come up as often as real users type them), contact points and tags loaded;
 *       measured 3×30 s instead of 3×5 s, as its times spread from 1 ms to seconds.
 * </ul>
 *
 * {@code store=jdbc-cached} is the JDBC store with {@code Crm.builder().cache(...)} sized for every
 * customer: after warm-up, {@code findByIdHot} there measures the cache's hit path (and
 * {@code findById} over all 1M customers mostly its misses). JMH's sample mode
 * reports p50 and p99 per operation. Run, after {@code mvn -pl crm-benchmarks -am package
 * -DskipTests}:
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar StoreLookupBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class StoreLookupBenchmark {
    /** The seed of every customer this benchmark reads. */
    public static final long SEED = 20_240_611L;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Actor ACTOR = Actor.system("benchmark");
    private static final int FILL_CHUNK = 5_000;
    private static final int PICKS = 1 << 16;
    private static final int HOT = 10_000;

    /** How many customers the tenant holds. */
    @Param({"1000000"})
    public int customers;

    /** {@code jdbc}, {@code jpa} or {@code jdbc-cached}. */
    @Param({"jdbc", "jpa", "jdbc-cached"})
    public String store;

    private BenchmarkDatabase db;
    private EntityManagerFactory factory;
    private CustomerService service;
    private CustomerId[] ids;
    private String[] emails;
    private String[] prefixes;

    /** Fills the schema if needed and draws the random keys. */
    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        db = BenchmarkDatabase.open("postgresql", "crmkit_bench_lookup", false);
        JdbcCrmStore jdbc = JdbcCrmStore.create(db.dataSource());
        jdbc.migrate();
        JpaCrmStore.migrate(db.dataSource());
        CrmStore chosen;
        String table;
        if (store.equals("jpa")) {
            factory = db.entityManagerFactory();
            chosen = JpaCrmStore.create(factory);
            table = "crmkit_customer";
        } else {
            chosen = jdbc;
            table = "crm_customer";
        }
        if (count(table) != customers) {
            fill(chosen, table);
        }
        Crm.Builder crm = Crm.builder().store(chosen);
        if (store.equals("jdbc-cached")) {
            crm.cache(CacheSettings.of(customers, Duration.ofHours(1)));
        }
        service = crm.build().forTenant(TENANT).as(ACTOR).customers();
        ids = readIds(table);
        CustomerDataGenerator generator = new CustomerDataGenerator(SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        emails = new String[PICKS];
        prefixes = new String[PICKS];
        for (int i = 0; i < PICKS; i++) {
            emails[i] = generator.spec(random.nextInt(customers)).emails().get(0);
            String name = generator.spec(random.nextInt(customers)).displayName();
            prefixes[i] =
                    name.substring(0, name.offsetByCodePoints(0, Math.min(3, name.codePointCount(0, name.length()))));
        }
        System.out.printf(Locale.ROOT, "%n# %s, %,d customers in %s, store %s%n", db, ids.length, table, store);
    }

    private void fill(CrmStore target, String table) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
            s.setString(1, TENANT.value());
            s.executeUpdate();
        }
        String prefix = table.equals("crm_customer") ? "crm_" : "crmkit_customer_";
        if (prefix.equals("crm_")) {
            db.truncate("crm_contact_point", "crm_customer_tag", "crm_customer_name_key");
        } else {
            db.truncate("crmkit_customer_contact", "crmkit_customer_tag", "crmkit_customer_name_key");
        }
        CustomerDataGenerator generator = new CustomerDataGenerator(SEED);
        for (int from = 0; from < customers; from += FILL_CHUNK) {
            int count = Math.min(FILL_CHUNK, customers - from);
            target.customers(TENANT).saveAll(GeneratedCustomers.make(generator, from, count, TENANT));
        }
        db.analyze();
        System.out.printf(
                Locale.ROOT,
                "%n# filled %,d customers into %s in %.0f s%n",
                customers,
                table,
                (System.nanoTime() - start) / 1e9);
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            s.setString(1, TENANT.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private CustomerId[] readIds(String table) throws SQLException {
        List<CustomerId> all = new ArrayList<>(customers);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " WHERE tenant_id = ?")) {
            c.setAutoCommit(false); // lets the driver stream with the fetch size
            s.setFetchSize(10_000);
            s.setString(1, TENANT.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new CustomerId(r.getObject(1, UUID.class)));
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return all.toArray(CustomerId[]::new);
    }

    /** Closes the persistence unit and the pool. */
    @TearDown(Level.Trial)
    public void close() {
        if (factory != null) {
            factory.close();
        }
        db.close();
    }

    /** Each thread's own source of random picks. */
    @State(Scope.Thread)
    public static class Picks {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
    }

    /** Reads one random existing customer by id. */
    @Benchmark
    public Customer findById(Picks picks) {
        return service.get(ids[picks.random.nextInt(ids.length)]);
    }

    /**
     * Reads one of {@value #HOT} customers by id, uniformly: the working set a busy desk keeps
     * reopening, small enough that {@code jdbc-cached} answers from its cache after warm-up.
     */
    @Benchmark
    public Customer findByIdHot(Picks picks) {
        return service.get(ids[picks.random.nextInt(HOT)]);
    }

    /** Finds the customer of one random existing e-mail address. */
    @Benchmark
    public List<Customer> findByEmail(Picks picks) {
        return service.findByEmail(emails[picks.random.nextInt(PICKS)]);
    }

    /**
     * The first page of 50 customers whose name starts with a random customer's first three letters.
     * Measured 3×30 s: one search takes from 1 ms to 2 s, so 3×5 s gave about 100 samples, too few for a
     * median that repeats (two forks running the same JDBC code differed twofold).
     */
    @Benchmark
    @Measurement(iterations = 3, time = 30)
    public Page<Customer> searchPage(Picks picks) {
        return service.list(CustomerQuery.nameStartsWith(prefixes[picks.random.nextInt(PICKS)]), PageRequest.first(50));
    }
}
