package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;

/**
 * {@link InteractionRepository} over JDBC for one tenant.
 *
 * <p>An interaction is one row of {@code crm_interaction} plus a row per participant in {@code
 * crm_interaction_participant} (which repeats when, on which channel and in which direction it
 * occurred, so that a customer's timeline and activity are read from that table's timeline index
 * alone) and a row per link in {@code crm_interaction_link}. Rows are only ever inserted, each
 * interaction's in one transaction, so a reader that sees an interaction's row sees all of its
 * children and no read needs repeating.
 *
 * <p>Reads load interactions in at most three statements: their own rows, then their participant
 * rows and, when one of them has links, their link rows. A lookup (by id, external id or superseded
 * interaction) reads the children by the one interaction's key. A timeline page reads its rows with
 * one keyset query over the timeline index, joined to the interactions and, unless superseded ones
 * are asked for, anti-joined to their corrections through the unique index on {@code
 * supersedes_id}; it reads their children with a range scan of the same index from the page's first
 * to its last interaction, joined to the child rows by key. No IN list of the page's ids: H2 checks
 * each row against every parameter of such a list (50 ms for 1,024 ids), and a row-value IN on the
 * children's three-column keys makes it read all of the tenant's children.
 *
 * <p>Writes are multi-row batched inserts ({@link RowBatch}) under one savepoint or transaction. The
 * unique keys on id, external id and superseded interaction refuse duplicates; when one does, the
 * write is undone first and a read then names the field as the in-memory store would: the first
 * interaction of the list whose id, else external id, else superseded interaction is taken by a
 * recorded interaction or by an earlier one of the list. Instants and durations are kept to the
 * microsecond. Thread-safe.
 */
final class JdbcInteractionRepository implements InteractionRepository {
    /** How many interactions {@link #appendAll} inserts per round of batched statements. */
    static final int BATCH = 500;

    private static final TimelineOrder ORDER = TimelineOrder.NEWEST_FIRST;
    private static final String FROM_INTERACTIONS = "SELECT " + InteractionMapper.COLUMNS + " FROM crm_interaction i";
    private static final String FROM_TIMELINE = "SELECT " + InteractionMapper.COLUMNS
            + " FROM crm_interaction_participant p JOIN crm_interaction i"
            + " ON i.tenant_id = p.tenant_id AND i.id = p.interaction_id";
    /**
     * Joins each participant row to the correction of its interaction, if any, for {@link #UNCORRECTED}:
     * an anti-join through the unique index on {@code supersedes_id}. A join rather than {@code NOT
     * EXISTS}, which H2 runs as a subquery per row (up to four times slower for a customer's activity).
     */
    private static final String CORRECTIONS =
            " LEFT JOIN crm_interaction s ON s.tenant_id = p.tenant_id AND s.supersedes_id = p.interaction_id";
    /**
     * Keeps the rows {@link #CORRECTIONS} found no correction for. It tests a column of the join
     * condition, not {@code s.id}: only then does PostgreSQL plan an anti-join, while with {@code s.id}
     * it estimates one row and sorts the customer's whole timeline instead of reading its index in
     * order (300 ms instead of 1 ms for a page of 50 out of 10,000).
     */
    private static final String UNCORRECTED = " AND s.supersedes_id IS NULL";
    /**
     * The timeline order, led by the columns the WHERE clause fixes: H2 reads an index in order only
     * for an ORDER BY that starts with the index's own first columns, and sorts every one of the
     * customer's rows otherwise.
     */
    private static final String TIMELINE_ORDER =
            " ORDER BY p.tenant_id, p.customer_id, p.occurred_at DESC, p.interaction_id DESC";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final InteractionMapper mapper;

    JdbcInteractionRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new InteractionMapper(dialect, tenant);
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return lookUp("reading interaction " + id, "id", id.value());
    }

    @Override
    public Optional<Interaction> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        if (!isStorable(externalId)) {
            return Optional.empty(); // no recorded interaction has such an external id
        }
        return lookUp("reading the interaction with an external id", "external_id", externalId);
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
        return tx.read("looking up " + wanted.size() + " external ids", connection -> existing(connection, wanted));
    }

    @Override
    public Optional<Interaction> findCorrection(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return lookUp("reading the correction of interaction " + id, "supersedes_id", id.value());
    }

    @Override
    public Interaction append(Interaction interaction) {
        checkTenant(interaction);
        return insert("recording interaction " + interaction.id(), List.of(interaction), false)
                .get(0);
    }

    /**
     * Records the interactions with batched multi-row inserts, {@value #BATCH} at a time, as one unit:
     * under a savepoint inside the caller's unit of work, else in a transaction of its own.
     */
    @Override
    public List<Interaction> appendAll(List<Interaction> interactions) {
        ValidationException.requireNonNull(interactions, "interactions");
        for (Interaction interaction : interactions) {
            checkTenant(interaction);
        }
        if (interactions.isEmpty()) {
            return List.of();
        }
        return insert("recording " + interactions.size() + " interactions", interactions, false);
    }

    /**
     * On PostgreSQL, records the interactions whose external id is not recorded with {@code INSERT …
     * ON CONFLICT (tenant_id, external_id) DO NOTHING}, so that the insert's own index probe finds
     * the recorded ones instead of a lookup before it, and a concurrent writer's are skipped too;
     * participants and links follow for the inserted ones only. Elsewhere the port's default.
     */
    @Override
    public List<Interaction> appendAllSkippingRecorded(List<Interaction> interactions) {
        ValidationException.requireNonNull(interactions, "interactions");
        if (dialect != JdbcDialect.POSTGRESQL) {
            return InteractionRepository.super.appendAllSkippingRecorded(interactions);
        }
        for (Interaction interaction : interactions) {
            checkTenant(interaction);
        }
        if (interactions.isEmpty()) {
            return List.of();
        }
        return insert("recording " + interactions.size() + " interactions not recorded yet", interactions, true);
    }

    @Override
    public Page<Interaction> timeline(CustomerId customer, TimelineQuery query, PageRequest page) {
        ValidationException.requireNonNull(customer, "customerId");
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        TimelineOrder.Position after = page.after().map(ORDER::decode).orElse(null);
        Instant from = query.from().orElse(null);
        Instant to = query.to().orElse(null);
        // outside the instants an interaction may have, a bound selects all or nothing (and binds nowhere)
        if ((from != null && from.isAfter(Interaction.LATEST))
                || (to != null && !to.isAfter(Interaction.EARLIEST))
                || (after != null && after.occurredAt().isBefore(Interaction.EARLIEST))) {
            return ORDER.page(List.of(), page.size());
        }
        Instant since = from == null || !from.isAfter(Interaction.EARLIEST) ? null : from;
        Instant before = to == null || to.isAfter(Interaction.LATEST) ? null : to;
        TimelineOrder.Position cursor = after == null || after.occurredAt().isAfter(Interaction.LATEST) ? null : after;
        Sql sql = new Sql().append(FROM_TIMELINE);
        if (!query.includesSuperseded()) {
            sql.append(CORRECTIONS);
        }
        customerRows(sql, customer, query);
        if (since != null) {
            sql.append(" AND p.occurred_at >= ").value(since);
        }
        if (before != null) {
            sql.append(" AND p.occurred_at < ").value(before);
        }
        if (cursor != null) {
            // the first condition bounds the index range; with it, the OR needs no "occurred_at = ?"
            sql.append(" AND p.occurred_at <= ")
                    .value(cursor.occurredAt())
                    .append(" AND (p.occurred_at < ")
                    .value(cursor.occurredAt())
                    .append(" OR p.interaction_id < ")
                    .value(cursor.id())
                    .append(")");
        }
        if (!query.includesSuperseded()) {
            sql.append(UNCORRECTED);
        }
        sql.append(TIMELINE_ORDER).append(" LIMIT ").value(page.size() + 1);
        List<Interaction> fetched = tx.read("reading the timeline of customer " + customer, connection -> {
            List<InteractionMapper.Head> heads = heads(connection, sql);
            if (heads.isEmpty()) {
                return List.of();
            }
            InteractionMapper.Head newest = heads.get(0);
            InteractionMapper.Head oldest = heads.get(heads.size() - 1);
            return assemble(connection, heads, (columns, table) -> {
                // the rows of the timeline from the page's first to its last interaction: the page's
                // and, at most, corrected ones or ones added since, which assemble() drops
                Sql children = new Sql()
                        .append("SELECT " + columns + " FROM crm_interaction_participant p JOIN " + table + " c"
                                + " ON c.tenant_id = p.tenant_id AND c.interaction_id = p.interaction_id");
                customerRows(children, customer, query);
                return children.append(" AND p.occurred_at <= ")
                        .value(newest.occurredAt())
                        .append(" AND (p.occurred_at < ")
                        .value(newest.occurredAt())
                        .append(" OR p.interaction_id <= ")
                        .value(newest.id())
                        .append(") AND p.occurred_at >= ")
                        .value(oldest.occurredAt())
                        .append(" AND (p.occurred_at > ")
                        .value(oldest.occurredAt())
                        .append(" OR p.interaction_id >= ")
                        .value(oldest.id())
                        .append(")");
            });
        });
        return ORDER.page(fetched, page.size());
    }

    /**
     * Appends the WHERE clause that selects the rows of {@code customer}'s timeline on the channels
     * and in the directions {@code query} asks for, all read from the participant row {@code p}.
     */
    private void customerRows(Sql sql, CustomerId customer, TimelineQuery query) {
        sql.append(" WHERE p.tenant_id = ")
                .value(tenant.value())
                .append(" AND p.customer_id = ")
                .value(customer.value());
        if (!query.channels().isEmpty()) {
            List<String> channels = query.channels().stream().map(Channel::name).toList();
            sql.append(" AND p.channel IN (").texts(channels).append(")");
        }
        if (query.directions().size() == 1) {
            sql.append(" AND p.direction = ")
                    .value(query.directions().iterator().next().name());
        }
    }

    @Override
    public List<ChannelActivity> activity(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        Sql sql = new Sql()
                .append("SELECT p.channel, p.direction, COUNT(*) AS contacts, MAX(p.occurred_at) AS last_at"
                        + " FROM crm_interaction_participant p")
                .append(CORRECTIONS);
        customerRows(sql, customer, TimelineQuery.all());
        sql.append(UNCORRECTED).append(" GROUP BY p.channel, p.direction");
        return tx.read("reading the activity of customer " + customer, connection -> {
            Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
            Map<Channel, Instant> last = new EnumMap<>(Channel.class);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Channel channel = Channel.valueOf(rows.getString("channel"));
                    Direction direction = Direction.valueOf(rows.getString("direction"));
                    counts.computeIfAbsent(channel, c -> new long[2])[direction == Direction.INBOUND ? 0 : 1] +=
                            rows.getLong("contacts");
                    Instant at = dialect.getInstant(rows, "last_at");
                    last.merge(channel, at, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            List<ChannelActivity> activity = new ArrayList<>(counts.size());
            counts.forEach((channel, n) -> activity.add(new ChannelActivity(channel, n[0], n[1], last.get(channel))));
            return activity;
        });
    }

    /**
     * Reads the latest {@code occurred_at} of each customer's participant rows that no correction
     * superseded, with one grouped statement per {@value Sql#MAX_IN} customers over the timeline
     * index (on H2 joined to the customers as a VALUES table, which it probes the index with).
     */
    @Override
    public Map<CustomerId, Instant> lastContacts(Collection<CustomerId> customers) {
        ValidationException.requireNonNull(customers, "customers");
        Set<UUID> wanted = new LinkedHashSet<>();
        for (CustomerId customer : customers) {
            wanted.add(ValidationException.requireNonNull(customer, "customers").value());
        }
        Map<CustomerId, Instant> last = new HashMap<>();
        if (wanted.isEmpty()) {
            return last;
        }
        return tx.read("reading when " + wanted.size() + " customers were last in contact", connection -> {
            for (List<UUID> chunk : Sql.chunks(new ArrayList<>(wanted), Sql.MAX_IN)) {
                Sql sql = new Sql();
                if (dialect == JdbcDialect.H2) {
                    sql.append("SELECT v.customer_id, MAX(p.occurred_at) AS last_at FROM ")
                            .valuesTable(chunk, "UUID", "v", "customer_id")
                            .append(" JOIN crm_interaction_participant p ON p.tenant_id = ")
                            .value(tenant.value())
                            .append(" AND p.customer_id = v.customer_id")
                            .append(CORRECTIONS)
                            .append(" WHERE s.supersedes_id IS NULL GROUP BY v.customer_id");
                } else {
                    sql.append("SELECT p.customer_id, MAX(p.occurred_at) AS last_at FROM crm_interaction_participant p")
                            .append(CORRECTIONS)
                            .append(" WHERE ")
                            .keyIn("p.tenant_id", "p.customer_id", tenant.value(), chunk, dialect)
                            .append(UNCORRECTED)
                            .append(" GROUP BY p.customer_id");
                }
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        last.put(
                                new CustomerId(dialect.getUuid(rows, "customer_id")),
                                dialect.getInstant(rows, "last_at"));
                    }
                }
            }
            return last;
        });
    }

    // ---- writing -----------------------------------------------------------------------------

    /**
     * Inserts {@code interactions} (of this tenant, checked) as one unit and returns them as stored;
     * when a unique key refuses one, undoes the unit and throws the duplicate {@link #duplicateIn}
     * names.
     */
    private List<Interaction> insert(String what, List<Interaction> interactions, boolean skipRecorded) {
        List<Interaction> stored = new ArrayList<>(interactions.size());
        for (Interaction interaction : interactions) {
            stored.add(InteractionMapper.stored(interaction));
        }
        if (repeatsAKey(stored)) {
            throw duplicateIn(stored, null); // two of the list clash: no need to try the database
        }
        try {
            return tx.writeAtomically(what, connection -> {
                List<Interaction> recorded = new ArrayList<>(stored.size());
                for (List<Interaction> chunk : Sql.chunks(stored, BATCH)) {
                    RowBatch rows = mapper.interactionRows();
                    RowBatch participants = mapper.participantRows();
                    RowBatch links = mapper.linkRows();
                    for (Interaction interaction : chunk) {
                        mapper.addHead(rows, interaction);
                    }
                    Set<UUID> inserted = null;
                    try {
                        if (skipRecorded) {
                            inserted = rows.executeReturning(
                                    connection, " ON CONFLICT (tenant_id, external_id) DO NOTHING", "id");
                        } else {
                            rows.execute(connection);
                        }
                    } catch (SQLException e) {
                        if (SqlErrors.isUniqueViolation(e)) {
                            // a runtime exception, so that the savepoint or transaction is rolled back
                            // and the unit of work stays usable (PostgreSQL refuses more statements)
                            throw new Refused(e);
                        }
                        throw e;
                    }
                    for (Interaction interaction : chunk) {
                        if (inserted == null
                                || inserted.contains(interaction.id().value())) {
                            mapper.addChildren(participants, links, interaction);
                            recorded.add(interaction);
                        }
                    }
                    participants.execute(connection);
                    links.execute(connection);
                }
                return List.copyOf(recorded);
            });
        } catch (Refused refused) {
            throw duplicateIn(stored, refused.getCause());
        }
    }

    /** Whether two of {@code interactions} share an id, an external id or the interaction they supersede. */
    private static boolean repeatsAKey(List<Interaction> interactions) {
        if (interactions.size() < 2) {
            return false;
        }
        Set<Object> keys = new HashSet<>();
        for (Interaction i : interactions) {
            if (!keys.add(i.id())
                    || (i.externalId().isPresent()
                            && !keys.add(List.of("externalId", i.externalId().get())))
                    || (i.supersedes().isPresent()
                            && !keys.add(List.of("supersedes", i.supersedes().get())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The duplicate that refuses {@code interactions}, read after the refused write was undone: the
     * first of them whose id, else external id, else superseded interaction is recorded or taken by
     * an earlier one of the list, as appending them one by one would find it.
     *
     * @param cause the database's refusal, or null when the list clashes with itself
     */
    private RuntimeException duplicateIn(List<Interaction> interactions, Throwable cause) {
        Taken taken = tx.read(
                "checking which interaction is recorded already", connection -> taken(connection, interactions));
        Set<InteractionId> ids = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        Set<InteractionId> originals = new HashSet<>();
        for (Interaction i : interactions) {
            DuplicateInteractionException duplicate = null;
            if (taken.ids.contains(i.id().value()) || !ids.add(i.id())) {
                duplicate = new DuplicateInteractionException("id", i.id().toString());
            } else if (i.externalId().isPresent()
                    && (taken.externalIds.contains(i.externalId().get())
                            || !externalIds.add(i.externalId().get()))) {
                duplicate = new DuplicateInteractionException(
                        "externalId", i.externalId().get());
            } else if (i.supersedes().isPresent()
                    && (taken.originals.contains(i.supersedes().get().value())
                            || !originals.add(i.supersedes().get()))) {
                duplicate = new DuplicateInteractionException(
                        "supersedes", i.supersedes().get().toString());
            }
            if (duplicate != null) {
                if (cause != null) {
                    duplicate.initCause(cause);
                }
                return duplicate;
            }
        }
        // refused by a key that no longer holds the value: only a store changed behind its back gets here
        return new StoreUnavailableException(
                "The database refused " + interactions.size() + " interactions as duplicates, yet none is"
                        + " recorded; nothing was written, try again",
                cause);
    }

    /** Which ids, external ids and superseded interactions of {@code interactions} are recorded. */
    private Taken taken(Connection connection, List<Interaction> interactions) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        Set<UUID> originals = new LinkedHashSet<>();
        for (Interaction i : interactions) {
            ids.add(i.id().value());
            i.externalId().ifPresent(externalIds::add);
            i.supersedes().ifPresent(s -> originals.add(s.value()));
        }
        Taken taken = new Taken(new HashSet<>(), existing(connection, externalIds), new HashSet<>());
        collectIds(connection, "id", new ArrayList<>(ids), taken.ids);
        collectIds(connection, "supersedes_id", new ArrayList<>(originals), taken.originals);
        return taken;
    }

    /** Adds those of {@code values} that a recorded interaction holds in {@code column} to {@code into}. */
    private void collectIds(Connection connection, String column, List<UUID> values, Set<UUID> into)
            throws SQLException {
        dialect.planForActualValues(connection);
        for (List<UUID> chunk : Sql.chunks(values, Sql.MAX_IN)) {
            Sql sql = new Sql()
                    .append("SELECT " + column + " FROM crm_interaction WHERE ")
                    .keyIn("tenant_id", column, tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.add(dialect.getUuid(rows, column));
                }
            }
        }
    }

    /** Those of {@code externalIds} (storable ones) that recorded interactions hold. */
    private Set<String> existing(Connection connection, Set<String> externalIds) throws SQLException {
        Set<String> found = new HashSet<>();
        dialect.planForActualValues(connection);
        for (List<String> chunk : Sql.chunks(new ArrayList<>(externalIds), Sql.MAX_IN)) {
            Sql sql = new Sql()
                    .append("SELECT external_id FROM crm_interaction WHERE ")
                    .textKeyIn("tenant_id", "external_id", tenant.value(), chunk, dialect);
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

    /** What {@link #taken} found. */
    private record Taken(Set<UUID> ids, Set<String> externalIds, Set<UUID> originals) {}

    /** A unique key refused a write; thrown inside the write so that it is undone, caught outside it. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(SQLException cause) {
            super(cause);
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The interaction whose {@code column} holds {@code value}, a unique key of the tenant's. */
    private Optional<Interaction> lookUp(String what, String column, Object value) {
        Sql sql = new Sql()
                .append(FROM_INTERACTIONS + " WHERE i.tenant_id = ")
                .value(tenant.value())
                .append(" AND i." + column + " = ")
                .value(value);
        return tx.read(what, connection -> {
            List<InteractionMapper.Head> heads = heads(connection, sql);
            if (heads.isEmpty()) {
                return Optional.empty();
            }
            UUID id = heads.get(0).id();
            return Optional.of(assemble(
                            connection,
                            heads,
                            (columns, table) -> new Sql()
                                    .append("SELECT " + columns + " FROM " + table + " c WHERE c.tenant_id = ")
                                    .value(tenant.value())
                                    .append(" AND c.interaction_id = ")
                                    .value(id))
                    .get(0));
        });
    }

    /** Reads the interactions' own rows {@code sql} selects with {@link InteractionMapper#COLUMNS}. */
    private List<InteractionMapper.Head> heads(Connection connection, Sql sql) throws SQLException {
        List<InteractionMapper.Head> heads = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                heads.add(mapper.readHead(rows));
            }
        }
        return heads;
    }

    /** A statement that selects child rows (aliased {@code c}) of at least the interactions read. */
    @FunctionalInterface
    private interface ChildRows {
        /** The statement selecting {@code columns} from {@code table}. */
        Sql select(String columns, String table);
    }

    /**
     * The interactions of {@code heads}, in their order, with their participants and links, which
     * {@code children} selects in one statement each (links only when one of them has any). Child
     * rows of other interactions are dropped.
     */
    private List<Interaction> assemble(Connection connection, List<InteractionMapper.Head> heads, ChildRows children)
            throws SQLException {
        Map<UUID, TreeMap<Integer, Participant>> participants = new HashMap<>();
        Map<UUID, TreeMap<Integer, InteractionLink>> links = new HashMap<>();
        boolean linked = false;
        for (InteractionMapper.Head head : heads) {
            participants.put(head.id(), new TreeMap<>());
            if (head.linkCount() > 0) {
                links.put(head.id(), new TreeMap<>());
                linked = true;
            }
        }
        Sql participantSql = children.select(InteractionMapper.PARTICIPANT_COLUMNS, "crm_interaction_participant");
        try (PreparedStatement statement = participantSql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TreeMap<Integer, Participant> of = participants.get(dialect.getUuid(rows, "interaction_id"));
                if (of != null) {
                    of.put(rows.getInt("seq"), mapper.readParticipant(rows));
                }
            }
        }
        if (linked) {
            Sql linkSql = children.select(InteractionMapper.LINK_COLUMNS, "crm_interaction_link");
            try (PreparedStatement statement = linkSql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TreeMap<Integer, InteractionLink> of = links.get(dialect.getUuid(rows, "interaction_id"));
                    if (of != null) {
                        of.put(rows.getInt("seq"), mapper.readLink(rows));
                    }
                }
            }
        }
        List<Interaction> interactions = new ArrayList<>(heads.size());
        for (InteractionMapper.Head head : heads) {
            TreeMap<Integer, InteractionLink> targets = links.get(head.id());
            List<InteractionLink> linkList = targets == null ? List.of() : new ArrayList<>(targets.values());
            if (linkList.size() != head.linkCount()) {
                throw new StoreUnavailableException(
                        "Interaction " + head.id() + " has " + linkList.size() + " links stored, " + head.linkCount()
                                + " expected; its rows were changed outside CRMKit",
                        null);
            }
            interactions.add(mapper.assemble(
                    head, new ArrayList<>(participants.get(head.id()).values()), linkList));
        }
        return interactions;
    }

    private void checkTenant(Interaction interaction) {
        ValidationException.requireNonNull(interaction, "interaction");
        if (!interaction.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "interaction belongs to tenant " + interaction.tenant() + ", not " + tenant);
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
