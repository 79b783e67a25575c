package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.Tag;

/**
 * {@link CustomerRepository} over JDBC for one tenant.
 *
 * <p>A customer is one row of {@code crm_customer} (with attributes and consents as JSON) plus its
 * rows in {@code crm_contact_point}, {@code crm_customer_tag} and {@code crm_customer_name_key}.
 * Reads load any number of customers in three statements: their own rows, then their contact points
 * and their tags, each joined to the customer row again so that its version shows whether a writer
 * committed in between; if one did, the read is repeated. Writes replace the child rows. Thread-safe.
 */
final class JdbcCustomerRepository implements CustomerRepository {
    /** How many customers {@link #saveAll} writes per round of batched statements. */
    static final int BATCH = 500;
    /** How often a read is repeated while writers keep changing what it reads. */
    private static final int READ_ATTEMPTS = 10;

    private static final String CONTACTS = "SELECT c.id AS cid, c.version AS cver, p.seq, p.kind AS cp_kind,"
            + " p.contact_value, p.network, p.label, p.is_primary, p.line1, p.line2, p.line3, p.line4, p.city,"
            + " p.region, p.postal_code, p.country FROM crm_customer c LEFT JOIN crm_contact_point p"
            + " ON p.tenant_id = c.tenant_id AND p.customer_id = c.id WHERE ";
    private static final String TAGS = "SELECT c.id AS cid, c.version AS cver, t.tag FROM crm_customer c"
            + " LEFT JOIN crm_customer_tag t ON t.tenant_id = c.tenant_id AND t.customer_id = c.id"
            + " WHERE ";
    /**
     * Customers joined to their contact points, to be narrowed by value: a join, not {@code c.id IN
     * (SELECT …)}, which H2 answers by scanning the tenant's customers; a customer found twice is read
     * once ({@link #load}).
     */
    private static final String BY_CONTACT = "SELECT " + CustomerMapper.COLUMNS + " FROM crm_contact_point p"
            + " JOIN crm_customer c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id WHERE p.tenant_id = ";

    private static final String[] CHILD_TABLES = {"crm_contact_point", "crm_customer_tag", "crm_customer_name_key"};

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final CustomerMapper mapper;

    JdbcCustomerRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new CustomerMapper(dialect, tenant);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        ValidationException.requireNonNull(id, "customerId");
        List<Customer> found = findAllById(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        List<UUID> wanted = new ArrayList<>(ids.size());
        for (CustomerId id : new LinkedHashSet<>(ids)) {
            wanted.add(ValidationException.requireNonNull(id, "ids").value());
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        return tx.read("reading customers", connection -> {
            List<Customer> found = new ArrayList<>(wanted.size());
            for (List<UUID> chunk : Sql.chunks(wanted, Sql.MAX_IN)) {
                Map<UUID, Customer> byId = new HashMap<>();
                for (Customer c : load(
                        connection,
                        () -> new Sql()
                                .append("SELECT " + CustomerMapper.COLUMNS + " FROM crm_customer c WHERE ")
                                .keyIn("c.tenant_id", "c.id", tenant.value(), chunk, dialect))) {
                    byId.put(c.id().value(), c);
                }
                for (UUID id : chunk) {
                    Customer c = byId.get(id);
                    if (c != null) {
                        found.add(c);
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        List<UUID> wanted = new ArrayList<>(ids.size());
        for (CustomerId id : new LinkedHashSet<>(ids)) {
            wanted.add(ValidationException.requireNonNull(id, "ids").value());
        }
        Set<CustomerId> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        return tx.read("checking which of " + wanted.size() + " customers exist", connection -> {
            dialect.planForActualValues(connection);
            for (List<UUID> chunk : Sql.chunks(wanted, Sql.MAX_IN)) {
                Sql sql = new Sql()
                        .append("SELECT c.id FROM crm_customer c WHERE ")
                        .keyIn("c.tenant_id", "c.id", tenant.value(), chunk, dialect);
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new CustomerId(dialect.getUuid(rows, "id")));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Customer save(Customer customer) {
        checkTenant(customer);
        Customer stored = CustomerMapper.stored(customer, customer.version() + 1);
        return tx.write("saving customer " + customer.id(), () -> conflict(customer), connection -> {
            saveOne(connection, customer, stored);
            return stored;
        });
    }

    @Override
    public List<Customer> saveAll(List<Customer> customers) {
        ValidationException.requireNonNull(customers, "customers");
        Set<CustomerId> ids = new HashSet<>();
        boolean repeats = false;
        for (Customer c : customers) {
            checkTenant(c);
            repeats |= !ids.add(c.id());
        }
        if (customers.isEmpty()) {
            return List.of();
        }
        boolean sequential = repeats;
        return tx.writeAtomically("saving " + customers.size() + " customers", connection -> {
            List<Customer> saved = new ArrayList<>(customers.size());
            if (sequential) {
                // the same customer twice: each save must see the one before it
                for (Customer c : customers) {
                    Customer stored = CustomerMapper.stored(c, c.version() + 1);
                    saveOne(connection, c, stored);
                    saved.add(stored);
                }
                return saved;
            }
            for (List<Customer> chunk : Sql.chunks(customers, BATCH)) {
                saved.addAll(saveBatch(connection, chunk));
            }
            return saved;
        });
    }

    @Override
    public List<Customer> findByEmail(EmailAddress email) {
        ValidationException.requireNonNull(email, "email");
        return findByContact(ContactKind.EMAIL, email.value());
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
        ValidationException.requireNonNull(phone, "phone");
        return findByContact(ContactKind.PHONE, phone.value());
    }

    private List<Customer> findByContact(ContactKind kind, String value) {
        if (!isStorable(value)) {
            return List.of(); // no stored customer holds such text
        }
        return tx.read(
                "finding customers by " + kind.name().toLowerCase(java.util.Locale.ROOT),
                connection -> load(
                        connection,
                        () -> new Sql()
                                .append(BY_CONTACT)
                                .value(tenant.value())
                                .append(" AND p.kind = ")
                                .value(kind.name())
                                .append(" AND p.contact_value = ")
                                .value(value)
                                .append(" ORDER BY c.id")));
    }

    @Override
    public List<Customer> findByContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        ValidationException.requireNonNull(emails, "emails");
        ValidationException.requireNonNull(phones, "phones");
        List<String[]> wanted = contactKeys(emails, phones);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return tx.read("finding customers by e-mail and phone", connection -> {
            Map<UUID, Customer> found = new LinkedHashMap<>();
            for (List<String[]> chunk : Sql.chunks(wanted, Sql.MAX_IN)) {
                Map<String, List<String>> byKind = new TreeMap<>();
                for (String[] key : chunk) {
                    byKind.computeIfAbsent(key[0], k -> new ArrayList<>()).add(key[1]);
                }
                for (Customer c : load(connection, () -> {
                    Sql sql = new Sql().append(BY_CONTACT).value(tenant.value()).append(" AND (");
                    String or = "";
                    for (Map.Entry<String, List<String>> kind : byKind.entrySet()) {
                        sql.append(or).append("(p.kind = ").value(kind.getKey()).append(" AND p.contact_value IN (");
                        sql.texts(kind.getValue()).append("))");
                        or = " OR ";
                    }
                    return sql.append(") ORDER BY c.id");
                })) {
                    found.putIfAbsent(c.id().value(), c);
                }
            }
            return List.copyOf(found.values());
        });
    }

    /**
     * Upserts the lock row of each value in {@code crm_contact_lock}, in one order every writer
     * follows, so that a concurrent writer checking one of the same values waits for this unit of
     * work to end (and two writers never wait for each other).
     */
    @Override
    public void lockContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        ValidationException.requireNonNull(emails, "emails");
        ValidationException.requireNonNull(phones, "phones");
        List<String[]> keys = contactKeys(emails, phones);
        if (keys.isEmpty() || !tx.inUnit()) {
            return; // outside a unit of work the lock would end with the statement
        }
        tx.write("locking " + keys.size() + " e-mails and phones", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(dialect.lockContactSql())) {
                for (String[] key : keys) {
                    statement.setString(1, tenant.value());
                    statement.setString(2, key[0]);
                    statement.setString(3, key[1]);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** The storable (kind, value) pairs of these contacts, sorted and each once. */
    private static List<String[]> contactKeys(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        TreeSet<String> e = new TreeSet<>();
        for (EmailAddress email : emails) {
            String value = ValidationException.requireNonNull(email, "emails").value();
            if (isStorable(value)) {
                e.add(value);
            }
        }
        TreeSet<String> p = new TreeSet<>();
        for (PhoneNumber phone : phones) {
            String value = ValidationException.requireNonNull(phone, "phones").value();
            if (isStorable(value)) {
                p.add(value);
            }
        }
        List<String[]> keys = new ArrayList<>(e.size() + p.size());
        e.forEach(v -> keys.add(new String[] {ContactKind.EMAIL.name(), v}));
        p.forEach(v -> keys.add(new String[] {ContactKind.PHONE.name(), v}));
        return keys;
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        CustomerOrder order = query.order();
        CustomerOrder.Position after = page.after().map(order::decode).orElse(null);
        List<Customer> items = tx.read(
                "listing customers",
                connection -> load(connection, () -> {
                    Sql sql = new Sql().append("SELECT " + CustomerMapper.COLUMNS + " FROM crm_customer c");
                    where(sql, query);
                    if (after != null && order == CustomerOrder.NAME) {
                        byte[] key = Keys.sortKey(after.sortKey());
                        sql.append(" AND c.sort_key >= ")
                                .value(key)
                                .append(" AND (c.sort_key > ")
                                .value(key)
                                .append(" OR c.id > ")
                                .value(after.id())
                                .append(")");
                    } else if (after != null) {
                        sql.append(" AND c.id > ").value(after.id());
                    }
                    sql.append(order == CustomerOrder.NAME ? " ORDER BY c.sort_key, c.id" : " ORDER BY c.id");
                    return sql.append(" LIMIT ").value(page.size() + 1);
                }));
        return order.page(items, page.size());
    }

    @Override
    public long count(CustomerQuery query) {
        ValidationException.requireNonNull(query, "query");
        return tx.read("counting customers", connection -> {
            Sql sql = new Sql().append("SELECT COUNT(*) FROM crm_customer c");
            where(sql, query);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Appends the WHERE clause of {@code query}'s filters. */
    private void where(Sql sql, CustomerQuery query) {
        sql.append(" WHERE c.tenant_id = ").value(tenant.value());
        if (!query.includesArchived()) {
            sql.append(" AND c.archived_at IS NULL");
        }
        query.kind().ifPresent(kind -> sql.append(" AND c.kind = ").value(kind.name()));
        query.stage().ifPresent(stage -> sql.append(" AND c.stage = ").value(stage.name()));
        query.owner().ifPresent(owner -> {
            if (isStorable(owner.value())) {
                sql.append(" AND c.owner_id = ").value(owner.value());
            } else {
                sql.append(" AND 1 = 0");
            }
        });
        query.tag().ifPresent(tag -> {
            if (isStorable(tag.value())) {
                sql.append(" AND EXISTS (SELECT 1 FROM crm_customer_tag t")
                        .append(" WHERE t.tenant_id = c.tenant_id AND t.customer_id = c.id AND t.tag = ")
                        .value(tag.value())
                        .append(")");
            } else {
                sql.append(" AND 1 = 0");
            }
        });
        if (!query.namePrefix().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM crm_customer_name_key k")
                    .append(" WHERE k.tenant_id = c.tenant_id AND k.customer_id = c.id AND ");
            namePrefix(sql, query.namePrefix());
            sql.append(")");
        }
    }

    /**
     * Appends the condition that a name key {@code k} starts with {@code prefix}, exactly as
     * {@link NameSearch#matches} decides: a range over the indexed column, so that an index answers
     * even where the database plans the statement without its values (PostgreSQL's generic plans),
     * and a {@code LIKE} with every character of the prefix escaped.
     */
    private void namePrefix(Sql sql, String prefix) {
        boolean utf16 = dialect.comparesTextByUtf16Unit();
        int broken = Keys.unpairedSurrogate(prefix);
        if (broken >= 0 && !utf16) {
            brokenNamePrefix(sql, prefix, broken);
            return;
        }
        if (Keys.isLongNameKey(prefix)) {
            // only keys longer than the indexed column can match: compare the whole key
            sql.append("k.name_key = ")
                    .value(Keys.truncate(prefix, Keys.NAME_KEY_CODE_POINTS))
                    .append(" AND k.full_key LIKE ")
                    .value(Keys.likePrefix(prefix))
                    .append(" ESCAPE '" + Keys.LIKE_ESCAPE + "'");
            return;
        }
        range(sql, prefix, Keys.upperBound(prefix, utf16));
        sql.append(" AND k.name_key LIKE ").value(Keys.likePrefix(prefix)).append(" ESCAPE '" + Keys.LIKE_ESCAPE + "'");
    }

    /**
     * The same for a prefix with an unpaired surrogate, which no stored key holds and a driver that
     * encodes UTF-8 cannot send: only a high surrogate at the very end can match, the first half of
     * a character beyond the BMP that a key has there.
     */
    private void brokenNamePrefix(Sql sql, String prefix, int broken) {
        char high = prefix.charAt(broken);
        if (broken != prefix.length() - 1 || !Character.isHighSurrogate(high) || Keys.isLongNameKey(prefix)) {
            sql.append("1 = 0");
            return;
        }
        String head = prefix.substring(0, broken);
        String lowest = head + high + Character.MIN_LOW_SURROGATE;
        String highest = head + high + Character.MAX_LOW_SURROGATE;
        range(sql, lowest, Keys.upperBound(highest, false));
    }

    private static void range(Sql sql, String from, String below) {
        sql.append("k.name_key >= ").value(from);
        if (below != null) {
            sql.append(" AND k.name_key < ").value(below);
        }
    }

    /** A statement that selects customers' own rows with {@link CustomerMapper#COLUMNS}. */
    @FunctionalInterface
    private interface HeadQuery {
        Sql build();
    }

    /**
     * Loads the customers {@code query} selects, in its order, with their contact points and tags,
     * repeating the read while a writer changes them in between.
     */
    private List<Customer> load(Connection connection, HeadQuery query) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<CustomerMapper.Head> heads = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            try (PreparedStatement statement = query.build().prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CustomerMapper.Head head = mapper.readHead(rows);
                    if (seen.add(head.id())) {
                        heads.add(head);
                    }
                }
            }
            if (heads.isEmpty()) {
                return List.of();
            }
            List<Customer> customers = assemble(connection, heads);
            if (customers != null) {
                return customers;
            }
            if (attempt == READ_ATTEMPTS) {
                throw new StoreUnavailableException(
                        "Customers kept changing while they were read (" + READ_ATTEMPTS + " attempts); try again",
                        null);
            }
            Transactor.pause(attempt); // back off, or a fast writer wins every round
        }
    }

    /**
     * Joins contact points and tags to {@code heads}, or returns null when one of the customers has a
     * different version by now.
     */
    private List<Customer> assemble(Connection connection, List<CustomerMapper.Head> heads) throws SQLException {
        Map<UUID, CustomerMapper.Head> byId = new HashMap<>();
        for (CustomerMapper.Head head : heads) {
            byId.put(head.id(), head);
        }
        List<UUID> ids = new ArrayList<>(byId.keySet());
        Map<UUID, Map<Integer, ContactPoint>> contacts = new HashMap<>();
        Map<UUID, Set<Tag>> tags = new HashMap<>();
        for (List<UUID> chunk : Sql.chunks(ids, Sql.MAX_IN)) {
            Sql contactSql = new Sql().append(CONTACTS).keyIn("c.tenant_id", "c.id", tenant.value(), chunk, dialect);
            Set<UUID> seen = new HashSet<>();
            try (PreparedStatement statement = contactSql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "cid");
                    if (byId.get(id).version() != rows.getLong("cver")) {
                        return null;
                    }
                    seen.add(id);
                    ContactPoint point = CustomerMapper.readContact(rows);
                    Map<Integer, ContactPoint> points = contacts.computeIfAbsent(id, k -> new java.util.TreeMap<>());
                    if (point != null) {
                        points.put(rows.getInt("seq"), point);
                    }
                }
            }
            Sql tagSql = new Sql().append(TAGS).keyIn("c.tenant_id", "c.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = tagSql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "cid");
                    if (byId.get(id).version() != rows.getLong("cver") || !seen.contains(id)) {
                        return null;
                    }
                    String tag = rows.getString("tag");
                    Set<Tag> set = tags.computeIfAbsent(id, k -> new TreeSet<>());
                    if (tag != null) {
                        set.add(new Tag(tag));
                    }
                }
            }
            if (seen.size() != chunk.size()) {
                return null;
            }
        }
        List<Customer> customers = new ArrayList<>(heads.size());
        for (CustomerMapper.Head head : heads) {
            customers.add(mapper.assemble(
                    head, new ArrayList<>(contacts.get(head.id()).values()), tags.getOrDefault(head.id(), Set.of())));
        }
        return customers;
    }

    /** Writes one customer: inserts it at version 0, else updates the row at its version. */
    private void saveOne(Connection connection, Customer customer, Customer stored) throws SQLException {
        if (customer.version() == 0) {
            int rows;
            try (PreparedStatement statement = connection.prepareStatement(mapper.insertSql())) {
                mapper.bindInsert(statement, stored);
                rows = statement.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e) && !dialect.abortsTransactionOnError()) {
                    // the id is taken; the failed INSERT undid only itself
                    throw conflict(customer);
                }
                throw e;
            }
            if (rows == 0) {
                throw conflict(customer);
            }
        } else {
            try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                mapper.bindUpdate(statement, stored, customer.version());
                if (statement.executeUpdate() == 0) {
                    throw conflict(customer);
                }
            }
            deleteChildren(connection, List.of(customer.id().value()));
        }
        insertChildren(connection, List.of(stored));
    }

    /** Writes distinct customers with batched statements; nothing is written when one is stale. */
    private List<Customer> saveBatch(Connection connection, List<Customer> chunk) throws SQLException {
        List<UUID> inserts = new ArrayList<>();
        List<UUID> updates = new ArrayList<>();
        for (Customer c : chunk) {
            (c.version() == 0 ? inserts : updates).add(c.id().value());
        }
        // new customers are not looked up first: the primary key refuses a taken id, and only then
        // do we look for which one it was (a lookup per chunk made imports into a table without
        // statistics quadratic on PostgreSQL)
        Map<UUID, Long> versions = versions(connection, updates, true);
        List<Customer> stored = new ArrayList<>(chunk.size());
        for (Customer c : chunk) {
            if (c.version() != 0) {
                Long current = versions.get(c.id().value());
                if (current == null || current != c.version()) {
                    throw conflict(c);
                }
            }
            stored.add(CustomerMapper.stored(c, c.version() + 1));
        }
        if (!inserts.isEmpty()) {
            insertRows(connection, chunk, stored, inserts);
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                List<Customer> updated = new ArrayList<>(updates.size());
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.get(i).version() != 0) {
                        mapper.bindUpdate(statement, stored.get(i), chunk.get(i).version());
                        statement.addBatch();
                        updated.add(chunk.get(i));
                    }
                }
                int[] counts = statement.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw conflict(updated.get(i)); // the rows are locked above, so this is a safety net
                    }
                }
            }
            deleteChildren(connection, updates);
        }
        insertChildren(connection, stored);
        return stored;
    }

    /**
     * Inserts the rows of the new customers of {@code chunk}; when one's id is taken, throws the
     * conflict naming it, with the transaction still usable (PostgreSQL's aborted statement is undone
     * to a savepoint) and the unit's own savepoint left to undo the rest.
     */
    private void insertRows(Connection connection, List<Customer> chunk, List<Customer> stored, List<UUID> inserts)
            throws SQLException {
        RowBatch rows = mapper.customerRows();
        for (Customer s : stored) {
            if (s.version() == 1) {
                mapper.addCustomerRow(rows, s);
            }
        }
        Savepoint before = dialect.abortsTransactionOnError() ? connection.setSavepoint() : null;
        try {
            rows.execute(connection);
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            if (before != null) {
                connection.rollback(before);
            }
            Map<UUID, Long> taken = versions(connection, inserts, false);
            for (Customer c : chunk) {
                if (c.version() == 0 && taken.containsKey(c.id().value())) {
                    throw conflict(c);
                }
            }
            throw conflict(chunk.get(0));
        }
        if (before != null) {
            connection.releaseSavepoint(before);
        }
    }

    /** The stored versions of those of {@code ids} that exist, locking their rows when asked to. */
    private Map<UUID, Long> versions(Connection connection, List<UUID> ids, boolean lock) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        Sql sql = new Sql()
                .append("SELECT c.id, c.version FROM crm_customer c WHERE ")
                .keyIn("c.tenant_id", "c.id", tenant.value(), ids, dialect)
                .append(lock ? " FOR UPDATE" : "");
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                versions.put(dialect.getUuid(rows, "id"), rows.getLong("version"));
            }
        }
        return versions;
    }

    private void deleteChildren(Connection connection, List<UUID> ids) throws SQLException {
        if (dialect == JdbcDialect.H2) {
            // H2 finds rows by a leading part of a longer key only through equality on each column:
            // an IN list (or row-value IN) of customer ids would read all the tenant's child rows
            for (String table : CHILD_TABLES) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE tenant_id = ? AND customer_id = ?")) {
                    for (UUID id : ids) {
                        statement.setString(1, tenant.value());
                        dialect.setUuid(statement, 2, id);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            return;
        }
        for (String table : CHILD_TABLES) {
            Sql sql = new Sql()
                    .append("DELETE FROM " + table + " WHERE ")
                    .keyIn("tenant_id", "customer_id", tenant.value(), ids, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect)) {
                statement.executeUpdate();
            }
        }
    }

    private void insertChildren(Connection connection, List<Customer> customers) throws SQLException {
        RowBatch contacts = mapper.contactRows();
        RowBatch tags = mapper.tagRows();
        RowBatch keys = mapper.nameKeyRows();
        for (Customer c : customers) {
            mapper.addContactRows(contacts, c);
            mapper.addTagRows(tags, c);
            mapper.addNameKeyRows(keys, c);
        }
        contacts.execute(connection);
        tags.execute(connection);
        keys.execute(connection);
    }

    private void checkTenant(Customer customer) {
        ValidationException.requireNonNull(customer, "customer");
        if (!customer.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "customer belongs to tenant " + customer.tenant() + ", not " + tenant);
        }
    }

    /**
     * Whether {@code text} could be stored: no NUL, no unpaired surrogate (which a UTF-8 driver would
     * send as {@code '?'}). Core refuses such text in what it stores, so it matches nothing.
     */
    private static boolean isStorable(String text) {
        return Keys.unpairedSurrogate(text) < 0 && text.indexOf(0) < 0;
    }

    private static ConcurrentUpdateException conflict(Customer customer) {
        return new ConcurrentUpdateException("Customer", customer.id(), customer.version());
    }
}
