package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.jdbc.JdbcCrmStore;

/**
 * The customers of a benchmark tenant in the JDBC store's tables: filled from {@link
 * CustomerDataGenerator} through {@code saveAll}, as {@link StoreLookupBenchmark} fills them, and
 * read back in id order. Not instantiable; not thread-safe.
 */
final class BenchmarkCustomers {
    private static final int CHUNK = 5_000;
    private static final String[] TABLES = {
        "crm_customer", "crm_contact_point", "crm_customer_tag", "crm_customer_name_key", "crm_contact_lock"
    };

    private BenchmarkCustomers() {}

    /**
     * Makes {@code tenant} hold customers 0 to {@code count - 1} of the generator of {@code seed}
     * unless it holds {@code count} customers already (then it keeps them), and returns their ids.
     */
    static List<CustomerId> ensure(BenchmarkDatabase db, JdbcCrmStore store, TenantId tenant, int count, long seed)
            throws SQLException {
        if (count(db, tenant) != count) {
            fill(db, store, tenant, count, seed);
        }
        return ids(db, tenant);
    }

    /** Deletes what {@code tenant}'s customer tables hold and fills them with {@code count} customers. */
    static void fill(BenchmarkDatabase db, JdbcCrmStore store, TenantId tenant, int count, long seed)
            throws SQLException {
        fill(db, store, tenant, count, seed, index -> null);
    }

    /**
     * Deletes what {@code tenant}'s customer tables hold and fills them with {@code count} customers,
     * each owned by the staff member {@code owners} names for its generator index (none where it
     * gives null).
     */
    static void fill(
            BenchmarkDatabase db,
            JdbcCrmStore store,
            TenantId tenant,
            int count,
            long seed,
            LongFunction<StaffId> owners)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.dataSource().getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
                    s.setString(1, tenant.value());
                    s.executeUpdate();
                }
            }
        }
        CustomerDataGenerator generator = new CustomerDataGenerator(seed);
        for (int from = 0; from < count; from += CHUNK) {
            store.customers(tenant)
                    .saveAll(GeneratedCustomers.make(generator, from, Math.min(CHUNK, count - from), tenant, owners));
        }
        System.out.printf("%n# filled %,d customers in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    /** How many customers {@code tenant} has. */
    static long count(BenchmarkDatabase db, TenantId tenant) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM crm_customer WHERE tenant_id = ?")) {
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * The ids of {@code tenant}'s customers in the database's order of ids: for time-ordered ids the
     * order they were created in, so the same for the same stored customers.
     */
    static List<CustomerId> ids(BenchmarkDatabase db, TenantId tenant) throws SQLException {
        return owned(db, tenant).stream().map(Owned::id).toList();
    }

    /** {@code tenant}'s customers with their owners, in the order of {@link #ids}. */
    static List<Owned> owned(BenchmarkDatabase db, TenantId tenant) throws SQLException {
        List<Owned> all = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT id, owner_id FROM crm_customer WHERE tenant_id = ? ORDER BY id")) {
            c.setAutoCommit(false); // lets the driver stream with the fetch size
            s.setFetchSize(10_000);
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String owner = r.getString(2);
                    all.add(new Owned(
                            new CustomerId(r.getObject(1, UUID.class)), owner == null ? null : StaffId.of(owner)));
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return all;
    }

    /**
     * A stored customer and its owner.
     *
     * @param id the customer's id
     * @param owner its owner; null for none
     */
    record Owned(CustomerId id, StaffId owner) {}
}
