package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.customer.RelationshipRole;

/** {@link RelationshipRepository} over the {@code crm_relationship} table, for one tenant. Thread-safe. */
final class JdbcRelationshipRepository implements RelationshipRepository {
    private static final String COLUMNS = "id, version, from_id, to_id, role_code, valid_from, valid_to, created_at,"
            + " created_by_kind, created_by, updated_at, updated_by_kind, updated_by";
    private static final String DATA =
            "version = ?, from_id = ?, to_id = ?, role_code = ?, valid_from = ?, valid_to = ?, created_at = ?,"
                    + " created_by_kind = ?, created_by = ?, updated_at = ?, updated_by_kind = ?, updated_by = ?";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    JdbcRelationshipRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
    }

    @Override
    public Optional<Relationship> findById(RelationshipId id) {
        ValidationException.requireNonNull(id, "relationshipId");
        return tx.read("reading relationship " + id, connection -> {
            List<Relationship> found = query(
                    connection,
                    new Sql()
                            .append("SELECT " + COLUMNS + " FROM crm_relationship WHERE tenant_id = ")
                            .value(tenant.value())
                            .append(" AND id = ")
                            .value(id.value()));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public Relationship save(Relationship relationship) {
        ValidationException.requireNonNull(relationship, "relationship");
        if (!relationship.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "relationship belongs to tenant " + relationship.tenant() + ", not " + tenant);
        }
        Relationship stored = stored(relationship);
        return tx.write("saving relationship " + relationship.id(), () -> conflict(relationship), connection -> {
            int rows;
            if (relationship.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO crm_relationship"
                        + " (tenant_id, id, version, from_id, to_id, role_code, valid_from, valid_to, created_at,"
                        + " created_by_kind, created_by, updated_at, updated_by_kind, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + dialect.onConflictDoNothing())) {
                    statement.setString(1, tenant.value());
                    dialect.setUuid(statement, 2, stored.id().value());
                    bindData(statement, 3, stored);
                    rows = statement.executeUpdate();
                } catch (SQLException e) {
                    if (SqlErrors.isUniqueViolation(e) && !dialect.abortsTransactionOnError()) {
                        throw conflict(relationship);
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE crm_relationship SET " + DATA + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
                    int next = bindData(statement, 1, stored);
                    statement.setString(next, tenant.value());
                    dialect.setUuid(statement, next + 1, stored.id().value());
                    statement.setLong(next + 2, relationship.version());
                    rows = statement.executeUpdate();
                }
            }
            if (rows == 0) {
                throw conflict(relationship);
            }
            return stored;
        });
    }

    @Override
    public List<Relationship> findByCustomer(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return tx.read(
                "reading the relationships of customer " + customer,
                connection -> query(
                        connection,
                        new Sql()
                                .append("SELECT " + COLUMNS + " FROM crm_relationship WHERE tenant_id = ")
                                .value(tenant.value())
                                .append(" AND (from_id = ")
                                .value(customer.value())
                                .append(" OR to_id = ")
                                .value(customer.value())
                                .append(") ORDER BY id")));
    }

    private int bindData(PreparedStatement statement, int first, Relationship r) throws SQLException {
        Object[] values = {
            r.version(),
            r.from().value(),
            r.to().value(),
            r.role().code(),
            r.validFrom().orElse(null),
            r.validTo().orElse(null),
            r.audit().createdAt(),
            r.audit().createdBy().kind().name(),
            r.audit().createdBy().id(),
            r.audit().updatedAt(),
            r.audit().updatedBy().kind().name(),
            r.audit().updatedBy().id()
        };
        for (int i = 0; i < values.length; i++) {
            Sql.bind(statement, first + i, values[i], dialect);
        }
        return first + values.length;
    }

    private List<Relationship> query(Connection connection, Sql sql) throws SQLException {
        List<Relationship> found = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(Relationship.of(
                        new RelationshipId(dialect.getUuid(rows, "id")),
                        tenant,
                        new CustomerId(dialect.getUuid(rows, "from_id")),
                        new CustomerId(dialect.getUuid(rows, "to_id")),
                        RelationshipRole.of(rows.getString("role_code")),
                        rows.getObject("valid_from", LocalDate.class),
                        rows.getObject("valid_to", LocalDate.class),
                        new Audit(
                                dialect.getInstant(rows, "created_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("created_by_kind")),
                                        rows.getString("created_by")),
                                dialect.getInstant(rows, "updated_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("updated_by_kind")),
                                        rows.getString("updated_by"))),
                        rows.getLong("version")));
            }
        }
        return found;
    }

    /** The relationship as stored at its next version: instants cut to whole microseconds. */
    private static Relationship stored(Relationship r) {
        Audit a = r.audit();
        Audit cut = new Audit(micros(a.createdAt()), a.createdBy(), micros(a.updatedAt()), a.updatedBy());
        return Relationship.of(
                r.id(),
                r.tenant(),
                r.from(),
                r.to(),
                r.role(),
                r.validFrom().orElse(null),
                r.validTo().orElse(null),
                cut,
                r.version() + 1);
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static ConcurrentUpdateException conflict(Relationship relationship) {
        return new ConcurrentUpdateException("Relationship", relationship.id(), relationship.version());
    }
}
