package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;

/**
 * Thread-safe {@link RotationRepository} over {@code crm_rotation} for one tenant, whose {@link
 * #lock} reads {@code FOR UPDATE} so that concurrent turns in a team queue instead of failing.
 */
final class JdbcRotationRepository implements RotationRepository {
    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final String insert;

    JdbcRotationRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.insert = "INSERT INTO crm_rotation (tenant_id, team, version, last_staff) VALUES (?, ?, ?, ?)"
                + dialect.onConflictDoNothing();
    }

    @Override
    public Optional<Rotation> find(TeamId team) {
        ValidationException.requireNonNull(team, "team");
        return tx.read("reading the rotation of team " + team, connection -> read(connection, team, ""));
    }

    /**
     * Reads the team's row {@code FOR UPDATE}, so that a concurrent unit of work locking the same team
     * waits until this one ends; outside a unit of work the lock would end with the statement, so it
     * is a plain {@link #find}. A lock that cannot be had in time is a {@link
     * ConcurrentUpdateException}.
     */
    @Override
    public Optional<Rotation> lock(TeamId team) {
        ValidationException.requireNonNull(team, "team");
        if (!tx.inUnit()) {
            return find(team);
        }
        return tx.write(
                "locking the rotation of team " + team,
                () -> new ConcurrentUpdateException("Rotation", team, 0),
                connection -> read(connection, team, " FOR UPDATE"));
    }

    private Optional<Rotation> read(Connection connection, TeamId team, String lock) throws SQLException {
        Sql sql = key(new Sql().append("SELECT o.version, o.last_staff FROM crm_rotation o WHERE "), team)
                .append(lock);
        try (PreparedStatement statement = sql.prepare(connection, dialect);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Rotation(team, StaffId.of(rows.getString("last_staff")), rows.getLong("version")));
        }
    }

    @Override
    public Rotation save(Rotation rotation) {
        ValidationException.requireNonNull(rotation, "rotation");
        Rotation stored = new Rotation(rotation.team(), rotation.last(), rotation.version() + 1);
        return tx.write("saving the rotation of team " + rotation.team(), () -> conflict(rotation), connection -> {
            if (rotation.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    Sql.bind(statement, 1, tenant.value(), dialect);
                    Sql.bind(statement, 2, stored.team().value(), dialect);
                    Sql.bind(statement, 3, stored.version(), dialect);
                    Sql.bind(statement, 4, stored.last().value(), dialect);
                    VersionedRows.insert(dialect, statement, () -> conflict(rotation));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_rotation"
                        + " SET version = ?, last_staff = ? WHERE tenant_id = ? AND team = ? AND version = ?")) {
                    Sql.bind(statement, 1, stored.version(), dialect);
                    Sql.bind(statement, 2, stored.last().value(), dialect);
                    Sql.bind(statement, 3, tenant.value(), dialect);
                    Sql.bind(statement, 4, stored.team().value(), dialect);
                    Sql.bind(statement, 5, rotation.version(), dialect);
                    VersionedRows.update(
                            connection,
                            dialect,
                            statement,
                            false,
                            false,
                            key(new Sql().append("SELECT o.version FROM crm_rotation o WHERE "), rotation.team()),
                            () -> conflict(rotation),
                            () -> new NotFoundException("Rotation", rotation.team()));
                }
            }
            return stored;
        });
    }

    private Sql key(Sql sql, TeamId team) {
        return sql.append("o.tenant_id = ")
                .value(tenant.value())
                .append(" AND o.team = ")
                .value(team.value());
    }

    private static ConcurrentUpdateException conflict(Rotation rotation) {
        return new ConcurrentUpdateException("Rotation", rotation.team(), rotation.version());
    }
}
