package org.crmkit.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerRepository;
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
 * How fast do the JDBC and JPA stores write 100k new customers with {@code saveAll}, against a
 * hand-written batched JDBC {@code INSERT} of the very same rows into the same database?
 *
 * <p>Data: {@value #CUSTOMERS} customers from {@link CustomerDataGenerator} (seed {@value #SEED}),
 * built and validated once per trial, outside the measured time; each has one or two e-mails, most a
 * phone, tags and name-search keys, so one customer is about six rows in four tables. Each
 * invocation writes all of them into emptied tables of one tenant:
 *
 * <ul>
 *   <li>{@code handwritten}: the rows the JDBC store wrote in the trial's setup, read back into
 *       memory (so nothing is computed while measuring), inserted with one {@code PreparedStatement}
 *       per table, {@code addBatch} per row and {@code executeBatch} every 500 rows, in one
 *       transaction: the fastest plain JDBC a host would write.
 *   <li>{@code jdbc}: {@code JdbcCrmStore.customers(tenant).saveAll} of the customers, in chunks of
 *       5,000 per call inside one unit of work (mapping, JSON, search keys and version checks
 *       included).
 *   <li>{@code jpa}: the same through {@code JpaCrmStore} and Hibernate 7, with JDBC batches of 500
 *       ({@code -jvmArgsAppend -Dcrmkit.bench.jpaBatch=50} for Hibernate's usual 50).
 * </ul>
 *
 * Throughput is {@value #CUSTOMERS} divided by the single-shot time. On PostgreSQL every writer
 * connects with {@code reWriteBatchedInserts=true}. Run, after
 * {@code mvn -pl crm-benchmarks -am package -DskipTests} (about 10 minutes on a 2-core machine):
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar CustomerImportBenchmark
 * </pre>
 *
 * Add {@code -p database=h2} or {@code -p database=postgresql} for one database; see
 * {@link BenchmarkDatabase} for which server.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class CustomerImportBenchmark {
    /** The seed of every customer this benchmark writes. */
    public static final long SEED = 20_240_611L;
    /** How many customers one invocation writes. */
    public static final int CUSTOMERS = 100_000;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final int CHUNK = 5_000;
    private static final String[] JDBC_TABLES = {
        "crm_customer", "crm_contact_point", "crm_customer_tag", "crm_customer_name_key", "crm_contact_lock"
    };
    private static final String[] JPA_TABLES = {
        "crmkit_customer", "crmkit_customer_contact", "crmkit_customer_tag", "crmkit_customer_name_key"
    };

    /** {@code h2} or {@code postgresql}. */
    @Param({"h2", "postgresql"})
    public String database;

    /** {@code handwritten}, {@code jdbc} or {@code jpa}. */
    @Param({"handwritten", "jdbc", "jpa"})
    public String writer;

    private BenchmarkDatabase db;
    private List<Customer> customers;
    private List<TableRows> rows;
    private CustomerRepository repository;
    private org.crmkit.core.spi.CrmStore store;
    private EntityManagerFactory factory;

    /** Builds the customers, migrates a fresh schema and, for the baseline, captures the rows. */
    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        db = BenchmarkDatabase.open(database, "crmkit_bench_import", true);
        JdbcCrmStore jdbc = JdbcCrmStore.create(db.dataSource());
        jdbc.migrate();
        JpaCrmStore.migrate(db.dataSource());
        customers = GeneratedCustomers.make(new CustomerDataGenerator(SEED), 0, CUSTOMERS, TENANT);
        switch (writer) {
            case "handwritten":
                jdbc.customers(TENANT).saveAll(customers);
                rows = new ArrayList<>();
                for (String table : JDBC_TABLES) {
                    rows.add(TableRows.read(db, table));
                }
                break;
            case "jdbc":
                store = jdbc;
                break;
            case "jpa":
                factory = db.entityManagerFactory();
                store = JpaCrmStore.create(factory);
                break;
            default:
                throw new IllegalArgumentException("no writer " + writer);
        }
        if (store != null) {
            repository = store.customers(TENANT);
        }
        System.out.printf(Locale.ROOT, "%n# %s, %,d customers, writer %s%n", db, customers.size(), writer);
    }

    /** Empties the tables before each import, outside the measured time. */
    @Setup(Level.Invocation)
    public void empty() {
        db.truncate(JDBC_TABLES);
        db.truncate(JPA_TABLES);
    }

    /** Closes the persistence unit and the pool. */
    @TearDown(Level.Trial)
    public void close() {
        if (factory != null) {
            factory.close();
        }
        db.close();
    }

    /** Writes {@value #CUSTOMERS} customers with the writer under test. */
    @Benchmark
    public int importCustomers() throws SQLException {
        if (rows != null) {
            return insertByHand();
        }
        return store.inTransaction(() -> {
            int written = 0;
            for (int from = 0; from < customers.size(); from += CHUNK) {
                written += repository
                        .saveAll(customers.subList(from, Math.min(customers.size(), from + CHUNK)))
                        .size();
            }
            return written;
        });
    }

    private int insertByHand() throws SQLException {
        int written = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (TableRows table : rows) {
                written += table.insert(c);
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return written;
    }

    /** The rows of one table, read back as the driver hands them out. */
    private record TableRows(String insertSql, int[] types, List<Object[]> rows) {
        static TableRows read(BenchmarkDatabase db, String table) throws SQLException {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = r.getMetaData();
                int n = meta.getColumnCount();
                int[] types = new int[n];
                StringBuilder columns = new StringBuilder();
                StringBuilder values = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    types[i - 1] = meta.getColumnType(i);
                    columns.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
                    boolean json = meta.getColumnTypeName(i).equalsIgnoreCase("jsonb");
                    values.append(i > 1 ? ", " : "").append(json ? "CAST(? AS jsonb)" : "?");
                    if (json || types[i - 1] == Types.CLOB) {
                        types[i - 1] = Types.VARCHAR;
                    }
                }
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 1; i <= n; i++) {
                        row[i - 1] = types[i - 1] == Types.VARCHAR ? r.getString(i) : r.getObject(i);
                    }
                    rows.add(row);
                }
                return new TableRows(
                        "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")", types, rows);
            }
        }

        int insert(Connection c) throws SQLException {
            try (PreparedStatement insert = c.prepareStatement(insertSql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            insert.setNull(i + 1, types[i]);
                        } else {
                            insert.setObject(i + 1, row[i]);
                        }
                    }
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return rows.size();
        }
    }
}
