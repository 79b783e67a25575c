package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CustomerPurchases;
import org.crmkit.core.sales.CustomerRevenue;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.OrderSums;
import org.crmkit.core.sales.OrderSumsQuery;

/**
 * {@link OrderRepository} over {@code crm_order} and {@code crm_order_line} for one tenant.
 *
 * <p>Orders are append-only: their rows are only ever inserted, each order's in one transaction, so
 * a reader that sees an order's row sees all of its lines and no read needs repeating. Any number
 * of orders is read in two statements, their own rows and then their lines (joined to the orders'
 * keys, {@value Sql#MAX_IN} at a time).
 *
 * <p>Writes are multi-row batched inserts ({@link RowBatch}) under one savepoint or transaction. The
 * primary key and the unique key on the external id refuse a taken one; the write is then undone
 * and a read names the order as the in-memory store would: the first of the list whose id, else
 * external id, is recorded or taken by an earlier one of the list. Instants are kept to the
 * microsecond. Thread-safe.
 */
final class JdbcOrderRepository implements OrderRepository {
    /** How many orders {@link #appendAll} inserts per round of batched statements. */
    static final int BATCH = 500;

    private static final String FROM = "SELECT " + OrderMapper.COLUMNS + " FROM crm_order o";
    private static final String LINES = "SELECT o.id AS oid, " + LineItemRows.COLUMNS
            + " FROM crm_order o JOIN crm_order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id WHERE ";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final OrderMapper mapper;
    private final JdbcSalesSums analysis;

    JdbcOrderRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new OrderMapper(dialect, tenant);
        this.analysis = new JdbcSalesSums(tx, dialect, tenant);
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        ValidationException.requireNonNull(id, "orderId");
        return first("reading order " + id, where().append(" AND o.id = ").value(id.value()));
    }

    @Override
    public Optional<Order> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        if (!isStorable(externalId)) {
            return Optional.empty(); // no recorded order has such an external id
        }
        return first(
                "reading the order with an external id",
                where().append(" AND o.external_id = ").value(externalId));
    }

    @Override
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        ValidationException.requireNonNull(externalIds, "externalIds");
        Set<String> wanted = new LinkedHashSet<>();
        for (String externalId : externalIds) {
            if (isStorable(ValidationException.requireNonNull(externalId, "externalIds"))) {
                wanted.add(externalId);
            }
        }
        if (wanted.isEmpty()) {
            return new HashSet<>();
        }
        return tx.read(
                "looking up " + wanted.size() + " order external ids", connection -> existing(connection, wanted));
    }

    @Override
    public Order append(Order order) {
        checkTenant(order);
        return insert("recording order " + order.id(), List.of(order)).get(0);
    }

    /**
     * Records the orders with batched multi-row inserts, {@value #BATCH} at a time, as one unit: under
     * a savepoint inside the caller's unit of work, else in a transaction of its own.
     */
    @Override
    public List<Order> appendAll(List<Order> orders) {
        ValidationException.requireNonNull(orders, "orders");
        for (Order order : orders) {
            checkTenant(order);
        }
        if (orders.isEmpty()) {
            return List.of();
        }
        return insert("recording " + orders.size() + " orders", orders);
    }

    @Override
    public List<Order> latestForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        PageRequest.requireLimit(limit, "limit");
        // led by the columns the WHERE clause fixes, so that H2 too reads the index in order
        Sql sql = where().append(" AND o.customer_id = ")
                .value(customer.value())
                .append(" ORDER BY o.tenant_id, o.customer_id, o.ordered_at DESC, o.id DESC LIMIT ")
                .value(limit);
        return tx.read("reading the latest orders of customer " + customer, connection -> load(connection, sql));
    }

    @Override
    public Page<Order> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Sql sql = where();
        after.ifPresent(id -> sql.append(" AND o.id > ").value(id));
        sql.append(" ORDER BY o.tenant_id, o.id LIMIT ").value(page.size() + 1);
        List<Order> rows = tx.read("listing orders", connection -> load(connection, sql));
        return IdCursor.page(rows, page.size(), o -> o.id().value());
    }

    /** Sums in SQL ({@link JdbcSalesSums}), joining {@code crm_customer} for owners: {@code owners} is not asked. */
    @Override
    public List<OrderSums> sums(OrderSumsQuery query, Function<Set<CustomerId>, Map<CustomerId, StaffId>> owners) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(owners, "owners");
        return analysis.sums(query);
    }

    @Override
    public List<CustomerRevenue> topCustomers(Instant from, Instant to, Currency currency, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(currency, "currency");
        PageRequest.requireLimit(limit, "limit");
        return analysis.topCustomers(from, to, currency, limit);
    }

    @Override
    public Page<CustomerPurchases> purchases(Instant from, Instant to, PageRequest page) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(page, "page");
        return analysis.purchases(from, to, page);
    }

    // ---- writing -----------------------------------------------------------------------------

    /**
     * Inserts {@code orders} (of this tenant, checked) as one unit and returns them as stored; when a
     * unique key refuses one, undoes the unit and throws for the order {@link #duplicateIn} names.
     */
    private List<Order> insert(String what, List<Order> orders) {
        List<Order> stored = new ArrayList<>(orders.size());
        for (Order order : orders) {
            stored.add(OrderMapper.stored(order));
        }
        if (repeatsAKey(stored)) {
            throw duplicateIn(stored, null); // two of the list clash: no need to try the database
        }
        try {
            return tx.writeAtomically(what, connection -> {
                for (List<Order> chunk : Sql.chunks(stored, BATCH)) {
                    RowBatch rows = mapper.orderRows();
                    RowBatch lines = mapper.lineRows();
                    for (Order order : chunk) {
                        mapper.addRows(rows, lines, order);
                    }
                    try {
                        rows.execute(connection);
                    } catch (SQLException e) {
                        if (SqlErrors.isUniqueViolation(e)) {
                            // a runtime exception, so that the savepoint or transaction is rolled back
                            // and the unit of work stays usable (PostgreSQL refuses more statements)
                            throw new Refused(e);
                        }
                        throw e;
                    }
                    lines.execute(connection);
                }
                return List.copyOf(stored);
            });
        } catch (Refused refused) {
            throw duplicateIn(stored, refused.getCause());
        }
    }

    /** Whether two of {@code orders} share an id or an external id. */
    private static boolean repeatsAKey(List<Order> orders) {
        if (orders.size() < 2) {
            return false;
        }
        Set<Object> keys = new HashSet<>();
        for (Order o : orders) {
            if (!keys.add(o.id())
                    || (o.externalId().isPresent()
                            && !keys.add(List.of("externalId", o.externalId().get())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal of {@code orders}, read after the refused write was undone: a {@link
     * ConcurrentUpdateException} for the first of them whose id, else external id, is recorded or
     * taken by an earlier one of the list, as appending them one by one would find it.
     *
     * @param cause the database's refusal, or null when the list clashes with itself
     */
    private RuntimeException duplicateIn(List<Order> orders, Throwable cause) {
        Set<UUID> takenIds = new HashSet<>();
        Set<String> takenExternalIds = tx.read("checking which order is recorded already", connection -> {
            List<UUID> ids = new ArrayList<>(orders.size());
            Set<String> externalIds = new LinkedHashSet<>();
            for (Order o : orders) {
                ids.add(o.id().value());
                o.externalId().ifPresent(externalIds::add);
            }
            for (List<UUID> chunk : Sql.chunks(ids, Sql.MAX_IN)) {
                Sql sql = new Sql()
                        .append("SELECT o.id FROM crm_order o WHERE ")
                        .keyIn("o.tenant_id", "o.id", tenant.value(), chunk, dialect);
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        takenIds.add(dialect.getUuid(rows, "id"));
                    }
                }
            }
            return existing(connection, externalIds);
        });
        Set<OrderId> ids = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (Order o : orders) {
            String external = o.externalId().orElse(null);
            if (takenIds.contains(o.id().value())
                    || !ids.add(o.id())
                    || (external != null && (takenExternalIds.contains(external) || !externalIds.add(external)))) {
                ConcurrentUpdateException duplicate = new ConcurrentUpdateException("Order", o.id(), 0);
                if (cause != null) {
                    duplicate.initCause(cause);
                }
                return duplicate;
            }
        }
        // refused by a key that no longer holds the value: only a store changed behind its back gets here
        return new StoreUnavailableException(
                "The database refused " + orders.size() + " orders as duplicates, yet none is recorded;"
                        + " nothing was written, try again",
                cause);
    }

    /** Those of {@code externalIds} (storable ones) that recorded orders hold. */
    private Set<String> existing(Connection connection, Set<String> externalIds) throws SQLException {
        Set<String> found = new HashSet<>();
        dialect.planForActualValues(connection);
        for (List<String> chunk : Sql.chunks(new ArrayList<>(externalIds), Sql.MAX_IN)) {
            Sql sql = new Sql()
                    .append("SELECT o.external_id FROM crm_order o WHERE ")
                    .textKeyIn("o.tenant_id", "o.external_id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String externalId = rows.getString("external_id");
                    if (externalIds.contains(externalId)) {
                        found.add(externalId);
                    }
                }
            }
        }
        return found;
    }

    /** A unique key refused a write; thrown inside the write so that it is undone, caught outside it. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(SQLException cause) {
            super(cause);
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The SELECT of this tenant's orders, to be narrowed with {@code AND …}. */
    private Sql where() {
        return new Sql().append(FROM + " WHERE o.tenant_id = ").value(tenant.value());
    }

    private Optional<Order> first(String what, Sql sql) {
        List<Order> found = tx.read(what, connection -> load(connection, sql));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The orders {@code sql} selects with {@link OrderMapper#COLUMNS}, in its order, with their lines
     * in one more statement per {@value Sql#MAX_IN} orders.
     */
    private List<Order> load(Connection connection, Sql sql) throws SQLException {
        List<OrderMapper.Head> heads = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                heads.add(mapper.readHead(rows));
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, TreeMap<Integer, LineItem>> lines = new HashMap<>();
        for (OrderMapper.Head head : heads) {
            lines.put(head.id(), new TreeMap<>());
        }
        for (List<UUID> chunk : Sql.chunks(new ArrayList<>(lines.keySet()), Sql.MAX_IN)) {
            Sql lineSql = new Sql().append(LINES).keyIn("o.tenant_id", "o.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = lineSql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.get(dialect.getUuid(rows, "oid")).put(rows.getInt("seq"), LineItemRows.read(rows));
                }
            }
        }
        List<Order> orders = new ArrayList<>(heads.size());
        for (OrderMapper.Head head : heads) {
            List<LineItem> of = new ArrayList<>(lines.get(head.id()).values());
            if (of.size() != head.lineCount()) {
                throw new StoreUnavailableException(
                        "Order " + head.id() + " has " + of.size() + " lines stored, " + head.lineCount()
                                + " expected; its rows were changed outside CRMKit",
                        null);
            }
            orders.add(head.assemble(tenant, of));
        }
        return orders;
    }

    private void checkTenant(Order order) {
        ValidationException.requireNonNull(order, "order");
        if (!order.tenant().equals(tenant)) {
            throw new ValidationException("tenant", "order belongs to tenant " + order.tenant() + ", not " + tenant);
        }
    }

    /**
     * Whether {@code text} could be stored: no NUL, no unpaired surrogate (which a UTF-8 driver would
     * send as {@code '?'}). Core refuses such text in what it stores, so it matches nothing.
     */
    private static boolean isStorable(String text) {
        return Keys.unpairedSurrogate(text) < 0 && text.indexOf(0) < 0;
    }
}
