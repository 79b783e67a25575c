package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.StageChange;

/**
 * Thread-safe {@link OpportunityRepository} over {@code crm_opportunity}, {@code
 * crm_opportunity_line} and {@code crm_opportunity_stage_change} for one tenant.
 *
 * <p>Any number of opportunities is read in at most three statements: their own rows, their stage
 * histories and, when one of them has line items, their lines. Each of the latter two joins the
 * opportunity rows again, so that a version shows whether a writer committed in between; if one
 * did, the read is repeated. A save writes the opportunity's row at its expected version, replaces
 * its lines, and inserts only the history entries the stored history lacks (a history only grows;
 * should the saved one differ from the stored one earlier, it is rewritten from there), so moving an
 * opportunity through its stages costs the same whatever its history.
 */
final class JdbcOpportunityRepository implements OpportunityRepository {
    /** How often a read is repeated while writers keep changing what it reads. */
    private static final String FROM = "SELECT " + OpportunityMapper.COLUMNS + " FROM crm_opportunity o";

    private static final String HISTORY = "SELECT o.id AS oid, o.version AS oversion, "
            + OpportunityMapper.HISTORY_COLUMNS
            + " FROM crm_opportunity o LEFT JOIN crm_opportunity_stage_change h"
            + " ON h.tenant_id = o.tenant_id AND h.opportunity_id = o.id WHERE ";
    private static final String LINES = "SELECT o.id AS oid, o.version AS oversion, " + LineItemRows.COLUMNS
            + " FROM crm_opportunity o LEFT JOIN crm_opportunity_line l"
            + " ON l.tenant_id = o.tenant_id AND l.opportunity_id = o.id WHERE ";
    private static final String OPEN = OpportunityStatus.OPEN.name();

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final OpportunityMapper mapper;

    JdbcOpportunityRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new OpportunityMapper(dialect, tenant);
    }

    @Override
    public Optional<Opportunity> findById(OpportunityId id) {
        ValidationException.requireNonNull(id, "opportunityId");
        List<Opportunity> found = tx.read(
                "reading opportunity " + id,
                connection ->
                        load(connection, () -> where().append(" AND o.id = ").value(id.value())));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        ValidationException.requireNonNull(opportunity, "opportunity");
        if (!opportunity.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "opportunity belongs to tenant " + opportunity.tenant() + ", not " + tenant);
        }
        Opportunity stored = OpportunityMapper.stored(opportunity, opportunity.version() + 1);
        boolean inUnit = tx.inUnit();
        return tx.write("saving opportunity " + opportunity.id(), () -> conflict(opportunity), connection -> {
            int known = 0;
            if (opportunity.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement(mapper.insertSql())) {
                    mapper.bindInsert(statement, stored);
                    VersionedRows.insert(dialect, statement, () -> conflict(opportunity));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                    mapper.bindUpdate(statement, stored, opportunity.version());
                    VersionedRows.update(
                            connection,
                            dialect,
                            statement,
                            false,
                            inUnit,
                            new Sql()
                                    .append("SELECT o.version FROM crm_opportunity o WHERE o.tenant_id = ")
                                    .value(tenant.value())
                                    .append(" AND o.id = ")
                                    .value(opportunity.id().value()),
                            () -> conflict(opportunity),
                            () -> new NotFoundException("Opportunity", opportunity.id()));
                }
                deleteChildren(connection, "crm_opportunity_line", opportunity.id(), -1);
                // the row is locked by the update: no one else changes the history meanwhile
                known = storedHistoryPrefix(connection, stored);
            }
            RowBatch lines = mapper.lineRows();
            mapper.addLineRows(lines, stored);
            lines.execute(connection);
            RowBatch history = mapper.historyRows();
            mapper.addHistoryRows(history, stored, known);
            history.execute(connection);
            return stored;
        });
    }

    /**
     * How many of the first entries of {@code stored}'s history are stored already; deletes the
     * stored entries after them, if any (only a history that does not extend the stored one has such).
     */
    private int storedHistoryPrefix(Connection connection, Opportunity stored) throws SQLException {
        Sql sql = new Sql()
                .append("SELECT " + OpportunityMapper.HISTORY_COLUMNS
                        + " FROM crm_opportunity_stage_change h WHERE h.tenant_id = ")
                .value(tenant.value())
                .append(" AND h.opportunity_id = ")
                .value(stored.id().value())
                .append(" ORDER BY h.tenant_id, h.opportunity_id, h.seq");
        List<StageChange> history = stored.history();
        int same = 0;
        boolean differs = false;
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (differs || rows.getInt("seq") != same) {
                    differs = true; // stored rows after the first that differs, or out of order
                } else if (same < history.size() && mapper.readChange(rows).equals(history.get(same))) {
                    same++;
                } else {
                    differs = true;
                }
            }
        }
        if (differs) {
            deleteChildren(connection, "crm_opportunity_stage_change", stored.id(), same);
        }
        return same;
    }

    /** Deletes the rows of opportunity {@code id} from the child {@code table}, those from {@code fromSeq} on when it is 0 or more. */
    private void deleteChildren(Connection connection, String table, OpportunityId id, int fromSeq)
            throws SQLException {
        String sql = "DELETE FROM " + table + " WHERE tenant_id = ? AND opportunity_id = ?"
                + (fromSeq >= 0 ? " AND seq >= ?" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bind(statement, 1, tenant.value(), dialect);
            Sql.bind(statement, 2, id.value(), dialect);
            if (fromSeq >= 0) {
                Sql.bind(statement, 3, fromSeq, dialect);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public List<Opportunity> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        PageRequest.requireLimit(limit, "limit");
        // led by the columns the WHERE clause fixes, so that H2 too reads the index in order
        return tx.read(
                "reading the open opportunities of customer " + customer,
                connection -> load(
                        connection,
                        () -> where().append(" AND o.customer_id = ")
                                .value(customer.value())
                                .append(" AND o.status = ")
                                .value(OPEN)
                                .append(" ORDER BY o.tenant_id, o.customer_id, o.status, o.id LIMIT ")
                                .value(limit)));
    }

    @Override
    public Page<Opportunity> openOwnedBy(StaffId owner, PageRequest page) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        List<Opportunity> rows = tx.read(
                "listing the open opportunities of " + owner,
                connection -> load(connection, () -> {
                    Sql sql = where().append(" AND o.owner_id = ")
                            .value(owner.value())
                            .append(" AND o.status = ")
                            .value(OPEN);
                    after.ifPresent(id -> sql.append(" AND o.id > ").value(id));
                    return sql.append(" ORDER BY o.tenant_id, o.owner_id, o.status, o.id LIMIT ")
                            .value(page.size() + 1);
                }));
        return IdCursor.page(rows, page.size(), o -> o.id().value());
    }

    @Override
    public Page<Opportunity> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        List<Opportunity> rows = tx.read(
                "listing the opportunities",
                connection -> load(connection, () -> {
                    Sql sql = where();
                    after.ifPresent(id -> sql.append(" AND o.id > ").value(id));
                    return sql.append(" ORDER BY o.tenant_id, o.id LIMIT ").value(page.size() + 1);
                }));
        return IdCursor.page(rows, page.size(), o -> o.id().value());
    }

    @Override
    public Map<StaffId, Long> openCountByOwner(Collection<StaffId> owners) {
        ValidationException.requireNonNull(owners, "owners");
        TreeSet<String> wanted = new TreeSet<>();
        for (StaffId owner : owners) {
            wanted.add(ValidationException.requireNonNull(owner, "owners").value());
        }
        Map<StaffId, Long> counts = new HashMap<>();
        if (wanted.isEmpty()) {
            return counts;
        }
        return tx.read("counting the open opportunities of " + wanted.size() + " owners", connection -> {
            for (List<String> chunk : Sql.chunks(new ArrayList<>(wanted), Sql.MAX_IN)) {
                Sql sql = new Sql();
                if (dialect == JdbcDialect.H2) {
                    // joined to a VALUES table, which H2 probes the index with (see Sql#valuesTable)
                    sql.append("SELECT v.owner_id, COUNT(*) AS open_count FROM ")
                            .valuesTable(chunk, "VARCHAR(128)", "v", "owner_id")
                            .append(" JOIN crm_opportunity o ON o.tenant_id = ")
                            .value(tenant.value())
                            .append(" AND o.owner_id = v.owner_id AND o.status = ")
                            .value(OPEN)
                            .append(" GROUP BY v.owner_id");
                } else {
                    sql.append("SELECT o.owner_id, COUNT(*) AS open_count FROM crm_opportunity o WHERE ")
                            .textKeyIn("o.tenant_id", "o.owner_id", tenant.value(), chunk, dialect)
                            .append(" AND o.status = ")
                            .value(OPEN)
                            .append(" GROUP BY o.owner_id");
                }
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(StaffId.of(rows.getString("owner_id")), rows.getLong("open_count"));
                    }
                }
            }
            return counts;
        });
    }

    /** The SELECT of this tenant's opportunities, to be narrowed with {@code AND …}. */
    private Sql where() {
        return new Sql().append(FROM + " WHERE o.tenant_id = ").value(tenant.value());
    }

    /** A statement that selects opportunities' own rows with {@link OpportunityMapper#COLUMNS}. */
    @FunctionalInterface
    private interface HeadQuery {
        Sql build();
    }

    /**
     * Loads the opportunities {@code query} selects, in its order, with their histories and lines,
     * repeating the read while a writer changes them in between.
     */
    private List<Opportunity> load(Connection connection, HeadQuery query) throws SQLException {
        return WholeReads.load(connection, dialect, query::build, mapper::readHead, this::assemble, "Opportunities");
    }

    /**
     * Joins the stage histories and lines to {@code heads}, one statement each per {@value
     * Sql#MAX_IN} opportunities (lines only for those that have any), or returns null when one of
     * them has a different version by now.
     */
    private List<Opportunity> assemble(Connection connection, List<OpportunityMapper.Head> heads) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        List<UUID> withLines = new ArrayList<>();
        for (OpportunityMapper.Head head : heads) {
            versions.put(head.id(), head.version());
            if (head.lineCount() > 0) {
                withLines.add(head.id());
            }
        }
        Map<UUID, TreeMap<Integer, StageChange>> histories = new HashMap<>();
        for (List<UUID> chunk : Sql.chunks(new ArrayList<>(versions.keySet()), Sql.MAX_IN)) {
            Sql sql = new Sql().append(HISTORY).keyIn("o.tenant_id", "o.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "oid");
                    if (versions.get(id) != rows.getLong("oversion")) {
                        return null;
                    }
                    TreeMap<Integer, StageChange> of = histories.computeIfAbsent(id, k -> new TreeMap<>());
                    int seq = rows.getInt("seq");
                    if (!rows.wasNull()) {
                        of.put(seq, mapper.readChange(rows));
                    }
                }
            }
        }
        if (histories.size() != versions.size()) {
            return null; // an opportunity's row is gone
        }
        Map<UUID, TreeMap<Integer, LineItem>> lines = new HashMap<>();
        for (List<UUID> chunk : Sql.chunks(withLines, Sql.MAX_IN)) {
            Sql sql = new Sql().append(LINES).keyIn("o.tenant_id", "o.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "oid");
                    if (versions.get(id) != rows.getLong("oversion")) {
                        return null;
                    }
                    TreeMap<Integer, LineItem> of = lines.computeIfAbsent(id, k -> new TreeMap<>());
                    int seq = rows.getInt("seq");
                    if (!rows.wasNull()) {
                        of.put(seq, LineItemRows.read(rows));
                    }
                }
            }
        }
        if (lines.size() != withLines.size()) {
            return null; // an opportunity's row is gone
        }
        List<Opportunity> opportunities = new ArrayList<>(heads.size());
        for (OpportunityMapper.Head head : heads) {
            TreeMap<Integer, LineItem> of = lines.get(head.id());
            List<LineItem> lineList = of == null ? List.of() : new ArrayList<>(of.values());
            if (lineList.size() != head.lineCount()) {
                throw new StoreUnavailableException(
                        "Opportunity " + head.id() + " has " + lineList.size() + " lines stored, " + head.lineCount()
                                + " expected; its rows were changed outside CRMKit",
                        null);
            }
            opportunities.add(head.assemble(
                    lineList, new ArrayList<>(histories.get(head.id()).values())));
        }
        return opportunities;
    }

    private static ConcurrentUpdateException conflict(Opportunity opportunity) {
        return new ConcurrentUpdateException("Opportunity", opportunity.id(), opportunity.version());
    }
}
