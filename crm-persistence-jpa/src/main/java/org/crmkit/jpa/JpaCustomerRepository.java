package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
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
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.jpa.internal.ContactLockEntity;
import org.crmkit.jpa.internal.ContactLockKey;
import org.crmkit.jpa.internal.ContactPointValue;
import org.crmkit.jpa.internal.CustomerEntity;
import org.crmkit.jpa.internal.CustomerKey;

/**
 * {@link CustomerRepository} of one tenant over JPA. Every query names the tenant; primary keys
 * lead with it, so {@code find} cannot reach another tenant's row either.
 *
 * <p>Reading customers takes a constant number of statements whatever their number (up to {@value
 * #CHUNK} at a time): one for the rows, one for all their contact points, one for all their tags.
 * The child queries return each owner's version; should a concurrent writer commit between the
 * statements, the torn customers are read once more under a shared lock, so a read never mixes two
 * versions of a customer. Thread-safe: holds no entity manager.
 *
 * <p>Reads are plain JPQL, provider-neutral, and shaped so that the provider does little more per
 * row than the JDBC store does:
 *
 * <ul>
 *   <li>they select the values of a customer's row ({@link CustomerMapper#HEAD_COLUMNS}), not the
 *       entity, so nothing read becomes managed: no entity and snapshot per row, nothing to
 *       dirty-check before the next query or at the commit;
 *   <li>they run with flush mode {@code COMMIT}: every write of this store flushes at once, so no
 *       change of CRMKit's waits in the persistence context for a read to see, and the provider
 *       need not check every managed entity (the host's too, when the store joins its
 *       transactions) before each query;
 *   <li>an {@code IN} list is written out as single parameters, padded with its last value to one
 *       of a few sizes ({@link #IN_SIZES}), and a single value as {@code =}: Hibernate translates a
 *       query anew on every execution when one of its parameters may hold a collection ({@code in
 *       :ids}, and also a lone {@code in (:id)}), and few distinct texts let the database reuse its
 *       prepared statements.
 * </ul>
 */
final class JpaCustomerRepository implements CustomerRepository {
    /** The most ids in one {@code IN} list, and the most inserts of {@code saveAll} per flush. */
    static final int CHUNK = 500;

    /** The sizes an {@code IN} list is padded to; the last is at least {@link #CHUNK}. */
    static final int[] IN_SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    private static final String ENTITY = "CrmkitCustomer";
    private static final String HEADS = "select " + CustomerMapper.HEAD_COLUMNS + " from " + ENTITY + " c";
    /** Customers joined to their contact points, to be narrowed by contact value. */
    private static final String HEADS_BY_CONTACT = HEADS + " join c.contactPoints p where c.tenantId = :tenant and ";

    private static final String CONTACTS = "select c.id, c.version, index(p), p from " + ENTITY
            + " c join c.contactPoints p where c.tenantId = :tenant and ";
    private static final String TAGS =
            "select c.id, c.version, t from " + ENTITY + " c join c.tags t where c.tenantId = :tenant and ";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaCustomerRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        ValidationException.requireNonNull(id, "customerId");
        return store.run(em -> {
            try {
                List<Customer> found = assemble(
                        em,
                        heads(read(em, HEADS + " where c.tenantId = :tenant and c.id = :id")
                                .setParameter("tenant", tenant.value())
                                .setParameter("id", id.value())));
                return found.isEmpty() ? Optional.<Customer>empty() : Optional.of(found.get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        Set<UUID> wanted = new LinkedHashSet<>();
        for (CustomerId id : ids) {
            wanted.add(ValidationException.requireNonNull(id, "ids").value());
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        return store.run(em -> {
            try {
                List<Customer> found = new ArrayList<>(wanted.size());
                for (List<UUID> chunk : chunks(new ArrayList<>(wanted))) {
                    TypedQuery<Object[]> q = read(
                                    em, HEADS + " where c.tenantId = :tenant and " + in("c.id", "i", chunk))
                            .setParameter("tenant", tenant.value());
                    found.addAll(assemble(em, heads(bind(q, "i", chunk))));
                }
                return found;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        Set<UUID> wanted = new LinkedHashSet<>();
        for (CustomerId id : ids) {
            wanted.add(ValidationException.requireNonNull(id, "ids").value());
        }
        Set<CustomerId> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        return store.run(em -> {
            try {
                for (List<UUID> chunk : chunks(new ArrayList<>(wanted))) {
                    TypedQuery<UUID> q = em.createQuery(
                                    "select c.id from " + ENTITY + " c where c.tenantId = :tenant and "
                                            + in("c.id", "i", chunk),
                                    UUID.class)
                            .setFlushMode(FlushModeType.COMMIT)
                            .setParameter("tenant", tenant.value());
                    for (UUID id : bind(q, "i", chunk).getResultList()) {
                        found.add(new CustomerId(id));
                    }
                }
                return found;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Customer save(Customer customer) {
        ValidationException.requireNonNull(customer, "customer");
        checkTenant(customer);
        Customer stored = CustomerMapper.normalised(customer);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Customer", customer.id(), customer.version());
            }
        });
    }

    @Override
    public List<Customer> saveAll(List<Customer> customers) {
        ValidationException.requireNonNull(customers, "customers");
        List<Customer> stored = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            Customer c = ValidationException.requireNonNull(customers.get(i), "customers[" + i + "]");
            checkTenant(c);
            stored.add(CustomerMapper.normalised(c));
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(() -> store.run(em -> saveAll(em, stored)));
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

    /**
     * Reads the customers with any of these e-mails or phones in one statement per {@value #CHUNK}
     * values, then assembles them all as {@link #findAllById} does.
     */
    @Override
    public List<Customer> findByContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        List<ContactLockKey> wanted = contactKeys(emails, phones);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return store.run(em -> {
            try {
                // a customer with several of the values is a row per value: keep it once
                Map<UUID, CustomerMapper.Head> roots = new LinkedHashMap<>();
                for (List<ContactLockKey> chunk : chunks(wanted)) {
                    List<String> emailValues = new ArrayList<>();
                    List<String> phoneValues = new ArrayList<>();
                    for (ContactLockKey key : chunk) {
                        (ContactKind.EMAIL.name().equals(key.getKind()) ? emailValues : phoneValues)
                                .add(key.getValue());
                    }
                    String byEmail = emailValues.isEmpty()
                            ? null
                            : "(p.kind = :emailKind and " + in("p.value", "e", emailValues) + ")";
                    String byPhone = phoneValues.isEmpty()
                            ? null
                            : "(p.kind = :phoneKind and " + in("p.value", "p", phoneValues) + ")";
                    String contacts =
                            byEmail == null ? byPhone : byPhone == null ? byEmail : byEmail + " or " + byPhone;
                    TypedQuery<Object[]> q = read(em, HEADS_BY_CONTACT + "(" + contacts + ") order by c.id")
                            .setParameter("tenant", tenant.value());
                    if (byEmail != null) {
                        bind(q.setParameter("emailKind", ContactKind.EMAIL.name()), "e", emailValues);
                    }
                    if (byPhone != null) {
                        bind(q.setParameter("phoneKind", ContactKind.PHONE.name()), "p", phoneValues);
                    }
                    for (CustomerMapper.Head root : heads(q)) {
                        roots.putIfAbsent(root.id(), root);
                    }
                }
                return assemble(em, new ArrayList<>(roots.values()));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /**
     * Locks the row of each value in {@code crmkit_contact_lock}, inserting it when absent, one
     * value after the other in the order every writer follows (e-mails before phones, each by
     * value). A writer that checks one of the same values then waits for this unit of work to end;
     * two writers that each lock their values in one call cannot deadlock. Outside a unit of work it
     * does nothing, as the lock would end with the call.
     *
     * @throws ConcurrentUpdateException when another writer inserted the row of one of the values
     *     at the same moment, or the database gave up waiting for its lock; the unit of work cannot
     *     go on and is best run again
     */
    @Override
    public void lockContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        List<ContactLockKey> keys = contactKeys(emails, phones);
        if (keys.isEmpty() || !store.inUnitOfWork()) {
            return;
        }
        store.run(em -> {
            for (ContactLockKey key : keys) {
                lock(em, key);
            }
            return null;
        });
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        CustomerOrder order = query.order();
        CustomerOrder.Position after = page.after().map(order::decode).orElse(null);
        Filter filter = new Filter(tenant, query);
        if (after != null) {
            if (order == CustomerOrder.NAME) {
                // the first conjunct bounds an index range scan; the second is the exact keyset condition
                filter.and("c.sortKey >= :afterKey and (c.sortKey > :afterKey or c.id > :afterId)");
                filter.param("afterKey", SearchKeys.encode(after.sortKey()));
            } else {
                filter.and("c.id > :afterId");
            }
            filter.param("afterId", after.id());
        }
        String orderBy = order == CustomerOrder.NAME ? " order by c.sortKey, c.id" : " order by c.id";
        return store.run(em -> {
            try {
                TypedQuery<Object[]> q = read(em, HEADS + " where " + filter + orderBy);
                filter.bind(q);
                List<CustomerMapper.Head> roots = heads(q.setMaxResults(page.size() + 1));
                boolean more = roots.size() > page.size();
                List<Customer> items = assemble(em, more ? roots.subList(0, page.size()) : roots);
                return more ? Page.of(items, order.cursorAfter(items.get(items.size() - 1))) : Page.last(items);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public long count(CustomerQuery query) {
        ValidationException.requireNonNull(query, "query");
        Filter filter = new Filter(tenant, query);
        return store.run(em -> {
            try {
                TypedQuery<Long> q = em.createQuery("select count(c) from " + ENTITY + " c where " + filter, Long.class)
                        .setFlushMode(FlushModeType.COMMIT);
                filter.bind(q);
                return q.getSingleResult();
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaCustomerRepository[" + tenant + "]";
    }

    private Customer save(EntityManager em, Customer customer) {
        long expected = customer.version();
        CustomerEntity entity = em.find(CustomerEntity.class, key(customer.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new ConcurrentUpdateException("Customer", customer.id(), expected);
            }
            entity = CustomerMapper.newEntity(customer);
            em.persist(entity);
            em.flush();
            return customer.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Customer", customer.id(), expected);
        }
        if (CustomerMapper.apply(customer, entity)) {
            em.flush();
        } else {
            // nothing changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            em.flush();
        }
        return customer.withVersion(entity.getVersion() + 1);
    }

    private List<Customer> saveAll(EntityManager em, List<Customer> customers) {
        // new customers are not looked up first: the primary key refuses a taken id at the flush
        // (which fails the unit of work, as any failed statement does on PostgreSQL). A lookup per
        // chunk ran on a plan cached while the table was small, which made bulk imports quadratic.
        Set<UUID> inserted = new HashSet<>();
        List<CustomerEntity> pending = new ArrayList<>(CHUNK);
        List<Customer> saved = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            if (customer.version() == 0) {
                UUID id = customer.id().value();
                if (!inserted.add(id)) {
                    throw new ConcurrentUpdateException("Customer", customer.id(), 0);
                }
                CustomerEntity entity = CustomerMapper.newEntity(customer);
                try {
                    em.persist(entity);
                } catch (RuntimeException e) {
                    throw Errors.onWrite(e, "Customer", customer.id(), 0);
                }
                pending.add(entity);
                saved.add(customer.withVersion(1));
                if (pending.size() >= CHUNK) {
                    flushInserts(em, pending);
                }
            } else {
                // an update may refer to a customer inserted earlier in the list
                flushInserts(em, pending);
                try {
                    saved.add(save(em, customer));
                } catch (RuntimeException e) {
                    throw Errors.onWrite(e, "Customer", customer.id(), customer.version());
                }
            }
        }
        flushInserts(em, pending);
        return saved;
    }

    /** Writes the pending inserts in one flush, then lets go of them so the context stays small. */
    private static void flushInserts(EntityManager em, List<CustomerEntity> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            em.flush();
        } catch (RuntimeException e) {
            throw Errors.onWrite(e, "Customer", "(one of " + pending.size() + " new customers)", 0);
        }
        for (CustomerEntity entity : pending) {
            em.detach(entity);
        }
        pending.clear();
    }

    private List<Customer> findByContact(ContactKind kind, String value) {
        return store.run(em -> {
            try {
                return assemble(
                        em,
                        heads(read(em, HEADS_BY_CONTACT + "p.kind = :kind and p.value = :value order by c.id")
                                .setParameter("tenant", tenant.value())
                                .setParameter("kind", kind.name())
                                .setParameter("value", value)));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /** Locks the row of one value, inserting it when there is none yet. */
    private static void lock(EntityManager em, ContactLockKey key) {
        try {
            ContactLockEntity row = em.find(ContactLockEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = new ContactLockEntity(key);
                em.persist(row);
                // now, not at commit, so that the locks are taken in key order; when another writer
                // inserted the same row first, this waits for that writer to end and then fails
                em.flush();
            }
            // the database keeps the lock; the persistence context need not keep the row
            em.detach(row);
        } catch (RuntimeException e) {
            throw Errors.onContactLock(e, ContactKind.valueOf(key.getKind()), key.getValue());
        }
    }

    /** The keys of these e-mails and phones, sorted (e-mails first) and each once. */
    private List<ContactLockKey> contactKeys(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        ValidationException.requireNonNull(emails, "emails");
        ValidationException.requireNonNull(phones, "phones");
        TreeSet<ContactLockKey> keys = new TreeSet<>();
        for (EmailAddress email : emails) {
            String value = ValidationException.requireNonNull(email, "emails").value();
            keys.add(new ContactLockKey(tenant.value(), ContactKind.EMAIL.name(), value));
        }
        for (PhoneNumber phone : phones) {
            String value = ValidationException.requireNonNull(phone, "phones").value();
            keys.add(new ContactLockKey(tenant.value(), ContactKind.PHONE.name(), value));
        }
        return new ArrayList<>(keys);
    }

    /**
     * A read query: flush mode {@code COMMIT}, as every write of this store has flushed already (see
     * the class comment), and the rows as {@code Object[]}.
     */
    private static TypedQuery<Object[]> read(EntityManager em, String jpql) {
        return em.createQuery(jpql, Object[].class).setFlushMode(FlushModeType.COMMIT);
    }

    /** The heads that {@code query}, which selects {@link CustomerMapper#HEAD_COLUMNS}, returns. */
    private static List<CustomerMapper.Head> heads(TypedQuery<Object[]> query) {
        List<Object[]> rows = query.getResultList();
        List<CustomerMapper.Head> heads = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            heads.add(CustomerMapper.head(row));
        }
        return heads;
    }

    /**
     * The customers of {@code roots}, in their order, with their contact points and tags read in
     * two statements per {@value #CHUNK} customers.
     */
    private List<Customer> assemble(EntityManager em, List<CustomerMapper.Head> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        if (roots.size() > CHUNK) {
            List<Customer> all = new ArrayList<>(roots.size());
            for (int i = 0; i < roots.size(); i += CHUNK) {
                all.addAll(assemble(em, roots.subList(i, Math.min(roots.size(), i + CHUNK))));
            }
            return all;
        }
        Map<UUID, CustomerMapper.Head> byId = new LinkedHashMap<>();
        for (CustomerMapper.Head root : roots) {
            byId.put(root.id(), root);
        }
        List<UUID> ids = new ArrayList<>(byId.keySet());
        Children children = children(em, byId, ids);
        if (!children.torn.isEmpty()) {
            // A writer committed between the statements. Writers update the root row first (its
            // version), so reading the torn roots again under a shared lock holds them still
            // until their children are read.
            for (UUID id : children.torn) {
                CustomerEntity entity = em.find(CustomerEntity.class, key(id));
                if (entity == null) {
                    byId.remove(id); // gone since: the read leaves it out, as if it came later
                    continue;
                }
                em.refresh(entity, LockModeType.PESSIMISTIC_READ);
                byId.put(id, CustomerMapper.head(entity));
            }
            ids = new ArrayList<>(byId.keySet());
            children = ids.isEmpty() ? new Children() : children(em, byId, ids);
            if (!children.torn.isEmpty()) {
                throw new StoreUnavailableException(
                        "customers " + children.torn + " changed while they were read under a lock", null);
            }
        }
        List<Customer> customers = new ArrayList<>(byId.size());
        for (CustomerMapper.Head root : roots) {
            CustomerMapper.Head head = byId.get(root.id());
            if (head == null) {
                continue;
            }
            Map<Integer, ContactPointValue> points = children.contacts.getOrDefault(head.id(), Map.of());
            customers.add(CustomerMapper.toDomain(
                    head, new ArrayList<>(points.values()), children.tags.getOrDefault(head.id(), List.of())));
        }
        return customers;
    }

    /** The contact points and tags of the customers {@code ids}, and which of them changed since {@code roots}. */
    private Children children(EntityManager em, Map<UUID, CustomerMapper.Head> roots, List<UUID> ids) {
        Children children = new Children();
        String byIds = in("c.id", "i", ids);
        TypedQuery<Object[]> contacts = read(em, CONTACTS + byIds).setParameter("tenant", tenant.value());
        for (Object[] row : bind(contacts, "i", ids).getResultList()) {
            UUID id = children.check(roots, row);
            children.contacts
                    .computeIfAbsent(id, k -> new TreeMap<>())
                    .put(((Number) row[2]).intValue(), (ContactPointValue) row[3]);
        }
        TypedQuery<Object[]> tags = read(em, TAGS + byIds).setParameter("tenant", tenant.value());
        for (Object[] row : bind(tags, "i", ids).getResultList()) {
            UUID id = children.check(roots, row);
            children.tags.computeIfAbsent(id, k -> new ArrayList<>()).add((String) row[2]);
        }
        return children;
    }

    /** Child rows by owner, and the owners whose version moved on since their root row was read. */
    private static final class Children {
        final Map<UUID, Map<Integer, ContactPointValue>> contacts = new HashMap<>();
        final Map<UUID, List<String>> tags = new HashMap<>();
        final Set<UUID> torn = new HashSet<>();

        /** Notes a row whose owner ({@code row[0]}) is at version {@code row[1]}; returns the owner. */
        UUID check(Map<UUID, CustomerMapper.Head> roots, Object[] row) {
            UUID id = (UUID) row[0];
            if (((Number) row[1]).longValue() != roots.get(id).version()) {
                torn.add(id);
            }
            return id;
        }
    }

    /**
     * {@code path in (:prefix0, :prefix1, …)} with as many parameters as {@link #bind} binds for
     * {@code values}: their number padded to the next of {@link #IN_SIZES}. One value is {@code path
     * = :prefix0}: Hibernate takes a lone parameter in an {@code IN} list for one that may hold a
     * collection and translates the query again on every execution.
     */
    private static String in(String path, String prefix, List<?> values) {
        int size = paddedSize(values.size());
        if (size == 1) {
            return path + " = :" + prefix + "0";
        }
        StringBuilder jpql = new StringBuilder(path.length() + 8 + size * (prefix.length() + 6))
                .append(path)
                .append(" in (");
        for (int i = 0; i < size; i++) {
            jpql.append(i == 0 ? ":" : ", :").append(prefix).append(i);
        }
        return jpql.append(')').toString();
    }

    /** Binds the parameters of {@link #in} to {@code values}, repeating the last one in the padding. */
    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String prefix, List<?> values) {
        int size = paddedSize(values.size());
        for (int i = 0; i < size; i++) {
            query.setParameter(prefix + i, values.get(Math.min(i, values.size() - 1)));
        }
        return query;
    }

    static int paddedSize(int count) {
        for (int size : IN_SIZES) {
            if (size >= count) {
                return size;
            }
        }
        throw new IllegalArgumentException("an IN list holds at most " + CHUNK + " values, not " + count);
    }

    private void checkTenant(Customer customer) {
        if (!customer.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "customer belongs to tenant " + customer.tenant() + ", not " + tenant);
        }
    }

    private CustomerKey key(UUID id) {
        return new CustomerKey(tenant.value(), id);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    /**
     * The {@code where} clause of a customer list: fixed JPQL fragments with every value a
     * parameter, so nothing a user typed becomes query text. The tenant predicate comes first.
     */
    private static final class Filter {
        private final StringBuilder where = new StringBuilder("c.tenantId = :tenant");
        private final Map<String, Object> params = new LinkedHashMap<>();

        Filter(TenantId tenant, CustomerQuery query) {
            params.put("tenant", tenant.value());
            if (!query.includesArchived()) {
                and("c.archivedAt is null");
            }
            query.kind().ifPresent(kind -> and("c.kind = :kind").param("kind", kind.name()));
            query.stage().ifPresent(stage -> and("c.stage = :stage").param("stage", stage.name()));
            query.owner().ifPresent(owner -> and("c.ownerId = :owner").param("owner", owner.value()));
            query.tag().ifPresent(tag -> and(":tag member of c.tags").param("tag", tag.value()));
            if (!query.namePrefix().isEmpty()) {
                String prefix = SearchKeys.encode(query.namePrefix());
                // the range bounds an index scan on (tenant_id, name_key) even in a generic plan
                and("exists (select 1 from c.nameKeys k where k >= :keyFrom and k < :keyTo"
                                + " and k like :keyLike escape '\\')")
                        .param("keyFrom", prefix)
                        .param("keyTo", SearchKeys.upperBound(prefix))
                        .param("keyLike", SearchKeys.likePattern(prefix));
            }
        }

        Filter and(String clause) {
            where.append(" and ").append(clause);
            return this;
        }

        Filter param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        void bind(TypedQuery<?> query) {
            params.forEach(query::setParameter);
        }

        @Override
        public String toString() {
            return where.toString();
        }
    }
}
