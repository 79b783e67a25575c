package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestRepository;

/**
 * Thread-safe {@link RequestRepository} over {@code crm_request} for one tenant, one row per
 * request so that every read is one statement.
 */
final class JdbcRequestRepository implements RequestRepository {
    private static final String FROM = "SELECT " + RequestMapper.COLUMNS + " FROM crm_request r";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final RequestMapper mapper;

    JdbcRequestRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new RequestMapper(dialect, tenant);
    }

    @Override
    public Optional<Request> findById(RequestId id) {
        ValidationException.requireNonNull(id, "requestId");
        return first("reading request " + id, where().append(" AND r.id = ").value(id.value()));
    }

    @Override
    public Optional<Request> findByOpeningInteraction(InteractionId interaction) {
        ValidationException.requireNonNull(interaction, "interactionId");
        return first(
                "reading the request opened by interaction " + interaction,
                where().append(" AND r.opened_by = ").value(interaction.value()));
    }

    @Override
    public Request save(Request request) {
        ValidationException.requireNonNull(request, "request");
        if (!request.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "request belongs to tenant " + request.tenant() + ", not " + tenant);
        }
        Request stored = RequestMapper.stored(request, request.version() + 1);
        boolean inUnit = tx.inUnit();
        return tx.write("saving request " + request.id(), () -> conflict(request), connection -> {
            if (request.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement(mapper.insertSql())) {
                    mapper.bindInsert(statement, stored);
                    VersionedRows.insert(dialect, statement, () -> conflict(request));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                    mapper.bindUpdate(statement, stored, request.version());
                    VersionedRows.update(
                            connection,
                            dialect,
                            statement,
                            stored.openedBy().isPresent(),
                            inUnit,
                            new Sql()
                                    .append("SELECT r.version FROM crm_request r WHERE r.tenant_id = ")
                                    .value(tenant.value())
                                    .append(" AND r.id = ")
                                    .value(request.id().value()),
                            () -> conflict(request),
                            () -> new NotFoundException("Request", request.id()));
                }
            }
            return stored;
        });
    }

    @Override
    public Page<Request> overdue(Instant now, PageRequest page) {
        ValidationException.requireNonNull(now, "now");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Instant bound = Instants.ceilMicros(now);
        if (Instants.beforeAll(bound, dialect)) {
            return Page.last(List.of()); // no deadline a database holds is before it
        }
        Sql sql = where();
        if (Instants.afterAll(bound, dialect)) {
            sql.append(" AND r.next_deadline IS NOT NULL");
        } else {
            sql.append(" AND r.next_deadline < ").value(bound);
        }
        return byId("listing overdue requests", sql, "", after, page);
    }

    @Override
    public Page<Request> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Sql sql = where().append(" AND r.assignee = ").value(assignee.value()).append(" AND r.is_open = TRUE");
        return byId(
                "listing the open requests of " + assignee, sql, "r.tenant_id, r.assignee, r.is_open, ", after, page);
    }

    @Override
    public List<Request> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        if (requireLimit(limit) == 0) {
            return List.of();
        }
        // led by the columns the WHERE clause fixes, so that H2 too reads the index in order
        Sql sql = where().append(" AND r.customer_id = ")
                .value(customer.value())
                .append(" AND r.is_open = TRUE")
                .append(" ORDER BY r.tenant_id, r.customer_id, r.is_open, r.opened_at DESC, r.id DESC LIMIT ")
                .value(limit);
        return tx.read("reading the open requests of customer " + customer, connection -> query(connection, sql));
    }

    @Override
    public Map<StaffId, Long> openCountByAssignee(Collection<StaffId> assignees) {
        ValidationException.requireNonNull(assignees, "assignees");
        TreeSet<String> wanted = new TreeSet<>();
        for (StaffId assignee : assignees) {
            wanted.add(ValidationException.requireNonNull(assignee, "assignees").value());
        }
        Map<StaffId, Long> counts = new HashMap<>();
        if (wanted.isEmpty()) {
            return counts;
        }
        return tx.read("counting the open requests of " + wanted.size() + " assignees", connection -> {
            for (List<String> chunk : Sql.chunks(new ArrayList<>(wanted), Sql.MAX_IN)) {
                Sql sql = new Sql();
                if (dialect == JdbcDialect.H2) {
                    // joined to a VALUES table, which H2 probes the index with (see Sql#valuesTable)
                    sql.append("SELECT v.assignee, COUNT(*) AS open_count FROM ")
                            .valuesTable(chunk, "VARCHAR(128)", "v", "assignee")
                            .append(" JOIN crm_request r ON r.tenant_id = ")
                            .value(tenant.value())
                            .append(" AND r.assignee = v.assignee AND r.is_open = TRUE GROUP BY v.assignee");
                } else {
                    sql.append("SELECT r.assignee, COUNT(*) AS open_count FROM crm_request r WHERE ")
                            .textKeyIn("r.tenant_id", "r.assignee", tenant.value(), chunk, dialect)
                            .append(" AND r.is_open = TRUE GROUP BY r.assignee");
                }
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(StaffId.of(rows.getString("assignee")), rows.getLong("open_count"));
                    }
                }
            }
            return counts;
        });
    }

    /** The SELECT of this tenant's requests, to be narrowed with {@code AND …}. */
    private Sql where() {
        return new Sql().append(FROM + " WHERE r.tenant_id = ").value(tenant.value());
    }

    /**
     * The page after {@code after} of the requests {@code sql} selects, ordered by id.
     *
     * @param fixed the columns the WHERE clause fixes that lead the index to read, each followed by
     *     {@code ", "}, to lead the ORDER BY with: only then does H2 read the index in order
     */
    private Page<Request> byId(String what, Sql sql, String fixed, Optional<UUID> after, PageRequest page) {
        after.ifPresent(id -> sql.append(" AND r.id > ").value(id));
        sql.append(" ORDER BY " + fixed + "r.id LIMIT ").value(page.size() + 1);
        List<Request> rows = tx.read(what, connection -> query(connection, sql));
        return IdCursor.page(rows, page.size(), r -> r.id().value());
    }

    private Optional<Request> first(String what, Sql sql) {
        List<Request> found = tx.read(what, connection -> query(connection, sql));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Request> query(Connection connection, Sql sql) throws SQLException {
        List<Request> found = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(mapper.read(rows));
            }
        }
        return found;
    }

    private static int requireLimit(int limit) {
        if (limit < 0) {
            throw new ValidationException("limit", "must not be negative, was " + limit);
        }
        return limit;
    }

    private static ConcurrentUpdateException conflict(Request request) {
        return new ConcurrentUpdateException("Request", request.id(), request.version());
    }
}
