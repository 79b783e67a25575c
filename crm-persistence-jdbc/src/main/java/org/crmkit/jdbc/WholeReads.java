package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.common.StoreUnavailableException;

/**
 * Reads aggregates whose own rows and child rows come in separate statements, whole: the child
 * statement joins the own rows again, so a version that moved on shows that a writer committed in
 * between, and then the read is repeated after a pause (or a fast writer wins every round).
 */
final class WholeReads {
    /** How often a read is tried before it gives up. */
    static final int ATTEMPTS = 10;

    private WholeReads() {}

    /** Reads the own row of one aggregate. */
    @FunctionalInterface
    interface HeadReader<H> {
        H read(ResultSet rows) throws SQLException;
    }

    /** Joins the child rows to the heads read; returns null when one of them has another version by now. */
    @FunctionalInterface
    interface Assembler<H, T> {
        List<T> assemble(Connection connection, List<H> heads) throws SQLException;
    }

    /**
     * The aggregates {@code query} selects, in its order, whole.
     *
     * @param kind the aggregates' name in plural, capitalised, for the message when they keep changing
     * @throws StoreUnavailableException after {@value #ATTEMPTS} torn reads
     */
    static <H, T> List<T> load(
            Connection connection,
            JdbcDialect dialect,
            Supplier<Sql> query,
            HeadReader<H> head,
            Assembler<H, T> assembler,
            String kind)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<H> heads = new ArrayList<>();
            try (PreparedStatement statement = query.get().prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    heads.add(head.read(rows));
                }
            }
            if (heads.isEmpty()) {
                return List.of();
            }
            List<T> whole = assembler.assemble(connection, heads);
            if (whole != null) {
                return whole;
            }
            if (attempt == ATTEMPTS) {
                throw new StoreUnavailableException(
                        kind + " kept changing while they were read (" + ATTEMPTS + " attempts); try again", null);
            }
            Transactor.pause(attempt);
        }
    }
}
