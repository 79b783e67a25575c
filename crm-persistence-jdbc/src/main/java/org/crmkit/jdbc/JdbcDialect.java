package org.crmkit.jdbc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The database products {@link JdbcCrmStore} speaks to, each with its own migrations and the few
 * places where their SQL differs: how UUIDs, instants and JSON are bound, and whether a failed
 * statement aborts the whole transaction.
 *
 * <p>{@link JdbcCrmStore#create} detects the dialect from the connection's metadata; pass one to
 * {@link JdbcCrmStore.Builder#dialect} to skip the detection. Enum constants are immutable and
 * thread-safe.
 */
public enum JdbcDialect {
    /** H2 2.x, in its native (not a compatibility) mode. */
    H2("h2", false, "?"),
    /** PostgreSQL 12 or later, and engines that speak its SQL. */
    POSTGRESQL("postgresql", true, "CAST(? AS jsonb)"),
    /** MariaDB 10.6 or later, and MySQL 8. */
    MARIADB("mariadb", false, "?");

    private final String migrationFolder;
    private final boolean abortsTransactionOnError;
    private final String jsonParameter;

    JdbcDialect(String migrationFolder, boolean abortsTransactionOnError, String jsonParameter) {
        this.migrationFolder = migrationFolder;
        this.abortsTransactionOnError = abortsTransactionOnError;
        this.jsonParameter = jsonParameter;
    }

    /**
     * The dialect of a database product as JDBC names it ({@code DatabaseMetaData.getDatabaseProductName()}).
     *
     * @param productName the product name, such as {@code "PostgreSQL"} or {@code "MariaDB"}
     * @return the dialect, or empty when CRMKit does not support the product
     */
    public static Optional<JdbcDialect> forProductName(String productName) {
        if (productName == null) {
            return Optional.empty();
        }
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return Optional.of(H2);
        }
        if (name.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    /** The Flyway location of this dialect's migrations inside the adapter's jar. */
    String migrationLocation() {
        return "classpath:org/crmkit/jdbc/migration/" + migrationFolder;
    }

    /**
     * Whether the database refuses every further statement of a transaction in which one statement
     * failed (PostgreSQL), rather than undoing just that statement (H2, MariaDB).
     */
    boolean abortsTransactionOnError() {
        return abortsTransactionOnError;
    }

    /** Whether text columns compare by UTF-16 unit (H2) rather than by code point ("C", utf8mb4_bin). */
    boolean comparesTextByUtf16Unit() {
        return this == H2;
    }

    /** The placeholder that binds a JSON document given as text. */
    String jsonParameter() {
        return jsonParameter;
    }

    /** The SQL that makes an {@code INSERT} skip a row whose primary key is taken, or empty. */
    String onConflictDoNothing() {
        return this == POSTGRESQL ? " ON CONFLICT DO NOTHING" : "";
    }

    /**
     * Makes PostgreSQL plan the rest of the current transaction's statements for their actual values.
     * A key lookup repeated in a bulk write into a table that had no statistics yet would otherwise
     * keep the generic plan cached while the table was small (a scan of the tenant's rows), and the
     * write would grow quadratic with its size; a report's aggregate, once the driver prepares it on
     * the server, would get a generic plan that misjudges the rows a period holds. Outside a
     * transaction, and on other databases, nothing changes.
     */
    void planForActualValues(Connection connection) throws SQLException {
        if (this == POSTGRESQL && !connection.getAutoCommit()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
    }

    /**
     * The statement that inserts a row of {@code table} with {@code columns} (one parameter each), or
     * replaces the other columns of the row whose {@code keys} (the primary key, the first columns)
     * it repeats.
     */
    String upsertSql(String table, List<String> keys, List<String> columns) {
        String names = String.join(", ", columns);
        String parameters = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        List<String> rest = columns.subList(keys.size(), columns.size());
        switch (this) {
            case POSTGRESQL:
                return "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ") ON CONFLICT ("
                        + String.join(", ", keys) + ") DO UPDATE SET "
                        + String.join(
                                ", ",
                                rest.stream().map(c -> c + " = EXCLUDED." + c).toList());
            case MARIADB:
                return "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ") ON DUPLICATE KEY UPDATE "
                        + String.join(
                                ", ",
                                rest.stream()
                                        .map(c -> c + " = VALUES(" + c + ")")
                                        .toList());
            default:
                return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                        + parameters + ")";
        }
    }

    /**
     * The SQL of the whole seconds from instant column {@code from} to {@code to}, truncated toward
     * zero as {@link java.time.Duration#getSeconds()} is for a positive duration.
     */
    String wholeSecondsBetween(String from, String to) {
        switch (this) {
            case POSTGRESQL:
                return "TRUNC(EXTRACT(EPOCH FROM (" + to + " - " + from + ")))";
            case MARIADB:
                return "(TIMESTAMPDIFF(MICROSECOND, " + from + ", " + to + ") DIV 1000000)";
            default:
                return "(DATEDIFF(MICROSECOND, " + from + ", " + to + ") / 1000000)";
        }
    }

    /**
     * Appends to {@code sql} the whole days from instant column {@code from} to {@code to} (bound),
     * for a column at or before it: {@link java.time.Duration#toDays()} of the time between.
     */
    void appendWholeDays(Sql sql, String from, Instant to) {
        switch (this) {
            case POSTGRESQL ->
                sql.append("FLOOR(EXTRACT(EPOCH FROM (CAST(")
                        .value(to)
                        .append(" AS timestamptz) - " + from + ")) / 86400)");
            case MARIADB ->
                sql.append("(TIMESTAMPDIFF(MICROSECOND, " + from + ", ")
                        .value(to)
                        .append(") DIV 86400000000)");
            default ->
                sql.append("(DATEDIFF(MICROSECOND, " + from + ", CAST(")
                        .value(to)
                        .append(" AS TIMESTAMP(6) WITH TIME ZONE)) / 86400000000)");
        }
    }

    /** The SQL of the integer quotient of two integer expressions, truncated toward zero. */
    String integerQuotient(String dividend, String divisor) {
        return this == MARIADB
                ? "((" + dividend + ") DIV (" + divisor + "))"
                : "((" + dividend + ") / (" + divisor + "))";
    }

    /** The statement that inserts the lock row of one contact value, or locks it when it exists. */
    String lockContactSql() {
        String insert = "INSERT INTO crm_contact_lock (tenant_id, kind, contact_value) VALUES (?, ?, ?)";
        switch (this) {
            case POSTGRESQL:
                return insert + " ON CONFLICT (tenant_id, kind, contact_value) DO UPDATE SET kind = EXCLUDED.kind";
            case MARIADB:
                return insert + " ON DUPLICATE KEY UPDATE kind = VALUES(kind)";
            default:
                return "MERGE INTO crm_contact_lock (tenant_id, kind, contact_value)"
                        + " KEY (tenant_id, kind, contact_value) VALUES (?, ?, ?)";
        }
    }

    /** Binds a UUID so that the database orders it as {@link org.crmkit.core.common.Ids#ORDER} does. */
    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (this == MARIADB) {
            statement.setBytes(
                    index,
                    ByteBuffer.allocate(16)
                            .putLong(value.getMostSignificantBits())
                            .putLong(value.getLeastSignificantBits())
                            .array());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Reads a UUID bound by {@link #setUuid}. */
    UUID getUuid(ResultSet rows, String column) throws SQLException {
        if (this == MARIADB) {
            byte[] bytes = rows.getBytes(column);
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return rows.getObject(column, UUID.class);
    }

    /** Binds an instant (null for SQL NULL), already cut to the microseconds every dialect keeps. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            setNull(statement, index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (this == MARIADB) {
            // DATETIME(6) holds UTC wall time: no session time zone can shift it
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /** Binds a NULL of {@code sqlType} ({@link java.sql.Types}), as {@link #setInstant} would for instants. */
    void setNull(PreparedStatement statement, int index, int sqlType) throws SQLException {
        if (sqlType == java.sql.Types.TIMESTAMP_WITH_TIMEZONE && this == MARIADB) {
            statement.setNull(index, java.sql.Types.TIMESTAMP);
        } else {
            statement.setNull(index, sqlType);
        }
    }

    /** Reads an instant bound by {@link #setInstant}; null for SQL NULL. */
    Instant getInstant(ResultSet rows, String column) throws SQLException {
        if (this == MARIADB) {
            LocalDateTime value = rows.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
