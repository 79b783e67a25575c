package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A statement being assembled: SQL text written only by the store, and the values bound to its
 * placeholders in order. User text only ever becomes a bound value. Not thread-safe.
 */
final class Sql {
    /** The IN-list sizes used, so that the database sees few distinct statements. */
    private static final int[] IN_SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
    /** The most ids one IN list holds. */
    static final int MAX_IN = IN_SIZES[IN_SIZES.length - 1];

    /** A NULL of a known SQL type, so that a driver binds the same type in every row of a batch. */
    record Null(int sqlType) {}

    /** A NULL text. */
    static final Null NULL_TEXT = new Null(java.sql.Types.VARCHAR);
    /** A NULL date. */
    static final Null NULL_DATE = new Null(java.sql.Types.DATE);
    /** A NULL instant; binds as the type {@link JdbcDialect#setInstant} uses. */
    static final Null NULL_INSTANT = new Null(java.sql.Types.TIMESTAMP_WITH_TIMEZONE);

    private final StringBuilder text = new StringBuilder(256);
    private final List<Object> values = new ArrayList<>();

    /** Appends SQL text. */
    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    Sql value(Object value) {
        text.append('?');
        values.add(value);
        return this;
    }

    /** Appends {@code ?, ?, …} for {@code ids}, padded with the last id to one of a few list sizes. */
    Sql ids(Collection<UUID> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IN) {
            throw new IllegalArgumentException("an IN list holds 1 to " + MAX_IN + " ids, not " + ids.size());
        }
        int size = paddedSize(ids.size());
        UUID last = null;
        for (UUID id : ids) {
            text.append(last == null ? "?" : ", ?");
            values.add(id);
            last = id;
        }
        for (int i = ids.size(); i < size; i++) {
            text.append(", ?");
            values.add(last);
        }
        return this;
    }

    /**
     * Appends the condition that the row's key ({@code tenantColumn}, {@code idColumn}) is {@code
     * tenant} with one of {@code ids}, written so that the database finds each through the key's
     * index: H2 uses only the tenant part of a two-column index for {@code tenant_id = ? AND id IN
     * (…)}, so it gets the row-value form {@code (tenant_id, id) IN ((?, ?), …)}.
     */
    Sql keyIn(String tenantColumn, String idColumn, String tenant, Collection<UUID> ids, JdbcDialect dialect) {
        if (dialect != JdbcDialect.H2) {
            return append(tenantColumn + " = ")
                    .value(tenant)
                    .append(" AND " + idColumn + " IN (")
                    .ids(ids)
                    .append(")");
        }
        if (ids.isEmpty() || ids.size() > MAX_IN) {
            throw new IllegalArgumentException("an IN list holds 1 to " + MAX_IN + " ids, not " + ids.size());
        }
        text.append('(').append(tenantColumn).append(", ").append(idColumn).append(") IN (");
        int size = paddedSize(ids.size());
        UUID last = null;
        for (UUID id : ids) {
            text.append(last == null ? "(?, ?)" : ", (?, ?)");
            values.add(tenant);
            values.add(id);
            last = id;
        }
        for (int i = ids.size(); i < size; i++) {
            text.append(", (?, ?)");
            values.add(tenant);
            values.add(last);
        }
        text.append(')');
        return this;
    }

    /**
     * Appends the condition that the row's key ({@code tenantColumn}, {@code textColumn}) is {@code
     * tenant} with one of {@code texts}, in the form {@link #keyIn} uses, so that H2 too finds each
     * through the key's index.
     */
    Sql textKeyIn(
            String tenantColumn, String textColumn, String tenant, Collection<String> texts, JdbcDialect dialect) {
        if (dialect != JdbcDialect.H2) {
            return append(tenantColumn + " = ")
                    .value(tenant)
                    .append(" AND " + textColumn + " IN (")
                    .texts(texts)
                    .append(")");
        }
        if (texts.isEmpty() || texts.size() > MAX_IN) {
            throw new IllegalArgumentException("an IN list holds 1 to " + MAX_IN + " values, not " + texts.size());
        }
        text.append('(').append(tenantColumn).append(", ").append(textColumn).append(") IN (");
        int size = paddedSize(texts.size());
        String last = null;
        for (String value : texts) {
            text.append(last == null ? "(?, ?)" : ", (?, ?)");
            values.add(tenant);
            values.add(value);
            last = value;
        }
        for (int i = texts.size(); i < size; i++) {
            text.append(", (?, ?)");
            values.add(tenant);
            values.add(last);
        }
        text.append(')');
        return this;
    }

    /**
     * Appends the derived table {@code (VALUES (CAST(? AS type)), …) alias(column)} of {@code values},
     * each once, to join by equality on its column: H2 then finds the rows of each value through an
     * index led by the tenant and that column, where for {@code tenant_id = ? AND column IN (…)} it
     * reads the index by the tenant alone.
     */
    Sql valuesTable(Collection<?> values, String type, String alias, String column) {
        if (values.isEmpty() || values.size() > MAX_IN) {
            throw new IllegalArgumentException("a VALUES list holds 1 to " + MAX_IN + " values, not " + values.size());
        }
        text.append("(VALUES ");
        String comma = "";
        for (Object value : values) {
            text.append(comma).append("(CAST(? AS ").append(type).append("))");
            this.values.add(value);
            comma = ", ";
        }
        text.append(") ").append(alias).append('(').append(column).append(')');
        return this;
    }

    /** Appends {@code ?, ?, …} for {@code texts}, padded with the last one like {@link #ids}. */
    Sql texts(Collection<String> texts) {
        if (texts.isEmpty() || texts.size() > MAX_IN) {
            throw new IllegalArgumentException("an IN list holds 1 to " + MAX_IN + " values, not " + texts.size());
        }
        int size = paddedSize(texts.size());
        String last = null;
        for (String value : texts) {
            text.append(last == null ? "?" : ", ?");
            values.add(value);
            last = value;
        }
        for (int i = texts.size(); i < size; i++) {
            text.append(", ?");
            values.add(last);
        }
        return this;
    }

    /** The SQL text. */
    String text() {
        return text.toString();
    }

    /** Prepares the statement on {@code connection} and binds every value. */
    PreparedStatement prepare(Connection connection, JdbcDialect dialect) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i), dialect);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds one value by its Java type; null binds SQL NULL. */
    static void bind(PreparedStatement statement, int index, Object value, JdbcDialect dialect) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
        } else if (value instanceof Null n) {
            dialect.setNull(statement, index, n.sqlType());
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof UUID u) {
            dialect.setUuid(statement, index, u);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Integer n) {
            statement.setInt(index, n);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof Instant instant) {
            dialect.setInstant(statement, index, instant);
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else {
            throw new IllegalArgumentException(
                    "cannot bind a " + value.getClass().getName());
        }
    }

    /** The IN-list size {@link #ids} uses for {@code count} ids. */
    static int paddedSize(int count) {
        for (int size : IN_SIZES) {
            if (size >= count) {
                return size;
            }
        }
        throw new IllegalArgumentException("more than " + MAX_IN + " ids");
    }

    /** {@code items} cut into consecutive lists of at most {@code size}. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
