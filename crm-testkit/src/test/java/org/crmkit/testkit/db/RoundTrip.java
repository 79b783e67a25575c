package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The create-insert-read check every database test runs, with non-ASCII names. */
final class RoundTrip {

    static final List<String> NAMES = List.of("Đặng Thị Ngọc", "Иванов", "山田太郎", "Ærøskøbing 🚀");

    private RoundTrip() {}

    /** Creates table {@code person}, inserts {@link #NAMES}, and asserts they read back unchanged. */
    static void assertNamesRoundTrip(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO person (id, name) VALUES (?, ?)")) {
                for (int i = 0; i < NAMES.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, NAMES.get(i));
                    insert.executeUpdate();
                }
            }
            List<String> read = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM person ORDER BY id")) {
                while (rows.next()) {
                    read.add(rows.getString(1));
                }
            }
            assertThat(read).containsExactlyElementsOf(NAMES);

            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM person WHERE name = ?")) {
                query.setString(1, "山田太郎");
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(3);
                }
            }
        }
    }

    /** Returns whether a table called {@code name} is visible, unqualified, through {@code database}. */
    static boolean tableVisible(TestDatabase database, String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + name).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs one statement through the database's data source. */
    static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Returns the first column of the first row of a query, as a string. */
    static String queryString(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getString(1);
        }
    }
}
