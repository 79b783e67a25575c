package org.crmkit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.Participant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads a generated history into the JDBC store's interaction tables on PostgreSQL with {@code COPY}:
 * the way to put 10M interactions in place in minutes, where {@code appendAll} would take an hour.
 * The rows are those {@code JdbcInteractionRepository} writes (see {@code InteractionMapper} and
 * migration {@code V3__interactions.sql}): {@code crm_interaction} with the duration in whole
 * microseconds, the actor's kind as {@code USER}/{@code SYSTEM} and the link count; one {@code
 * crm_interaction_participant} row per participant in its order, repeating the interaction's time,
 * channel and direction; one {@code crm_interaction_link} row per link.
 *
 * <p>Keys and indexes are dropped before the load and built again after it (sorting once is far
 * faster than 10M random insertions into four B-trees), with their definitions as PostgreSQL reports
 * them, so they come back exactly as the migration made them. The three tables are copied one after
 * the other, each from its own pass over the generator. Not instantiable.
 */
final class InteractionCopy {
    private static final String[] TABLES = {"crm_interaction", "crm_interaction_participant", "crm_interaction_link"};
    private static final String INTERACTION_COPY = "COPY crm_interaction (tenant_id, id, channel, direction,"
            + " occurred_at, duration_micros, staff_id, subject, summary, outcome, cost_amount, cost_currency,"
            + " external_id, supersedes_id, recorded_at, recorded_by_kind, recorded_by, link_count) FROM STDIN";
    private static final String PARTICIPANT_COPY = "COPY crm_interaction_participant (tenant_id, interaction_id,"
            + " seq, customer_id, role, occurred_at, channel, direction) FROM STDIN";
    private static final String LINK_COPY =
            "COPY crm_interaction_link (tenant_id, interaction_id, seq, kind, target_id) FROM STDIN";
    private static final int FLUSH = 1 << 20;

    private InteractionCopy() {}

    /**
     * Copies every interaction of {@code history}, all of {@code tenantId}, into the tables, which
     * should be empty, in one connection of {@code db}; prints what took how long.
     */
    static void load(BenchmarkDatabase db, TenantId tenantId, InteractionDataGenerator history) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '512MB'");
            }
            long start = System.nanoTime();
            List<String> rebuild = dropKeys(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String tenant = escape(tenantId.value());
            long rows = copy(copy, INTERACTION_COPY, history, (i, line) -> interactionRow(tenant, i, line));
            report("crm_interaction", rows, start);
            long at = System.nanoTime();
            rows = copy(copy, PARTICIPANT_COPY, history, (i, line) -> participantRows(tenant, i, line));
            report("crm_interaction_participant", rows, at);
            at = System.nanoTime();
            rows = copy(copy, LINK_COPY, history, (i, line) -> linkRows(tenant, i, line));
            report("crm_interaction_link", rows, at);
            at = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String ddl : rebuild) {
                    s.execute(ddl);
                }
            }
            System.out.printf(Locale.ROOT, "# rebuilt %d keys and indexes in %.0f s%n", rebuild.size(), seconds(at));
            at = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) " + String.join(", ", TABLES));
                s.execute("RESET maintenance_work_mem");
            }
            System.out.printf(Locale.ROOT, "# vacuumed and analysed in %.0f s%n", seconds(at));
            System.out.printf(Locale.ROOT, "# loaded %,d interactions in %.0f s%n", history.size(), seconds(start));
        }
    }

    /**
     * Drops the keys and indexes of {@link #TABLES} and returns the statements that create them
     * again: constraints first (their indexes go with them), then the other indexes.
     */
    private static List<String> dropKeys(Connection c) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        String tables = "'" + String.join("', '", TABLES) + "'";
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT t.relname, k.conname, pg_get_constraintdef(k.oid)"
                    + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid"
                    + " WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN (" + tables + ")"
                    + " AND k.contype IN ('p', 'u') ORDER BY t.relname, k.conname")) {
                while (r.next()) {
                    drops.add("ALTER TABLE " + r.getString(1) + " DROP CONSTRAINT " + r.getString(2));
                    creates.add("ALTER TABLE " + r.getString(1) + " ADD CONSTRAINT " + r.getString(2) + " "
                            + r.getString(3));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                    + " WHERE i.schemaname = current_schema() AND i.tablename IN (" + tables + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname"
                    + " AND k.connamespace = current_schema()::regnamespace) ORDER BY i.indexname")) {
                while (r.next()) {
                    drops.add("DROP INDEX " + r.getString(1));
                    creates.add(r.getString(2));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return creates;
    }

    /** Writes the rows of one interaction to a COPY text line buffer. */
    @FunctionalInterface
    private interface RowWriter {
        long write(Interaction interaction, StringBuilder lines);
    }

    private static long copy(CopyManager copy, String sql, InteractionDataGenerator history, RowWriter writer)
            throws SQLException {
        CopyIn in = copy.copyIn(sql);
        long rows = 0;
        try {
            StringBuilder lines = new StringBuilder(FLUSH + 8192);
            for (int k = 0; k < history.size(); k++) {
                rows += writer.write(history.interaction(k), lines);
                if (lines.length() >= FLUSH) {
                    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    lines.setLength(0);
                }
            }
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return rows;
    }

    /** One {@code crm_interaction} line, its columns in the table's order. */
    private static long interactionRow(String tenant, Interaction i, StringBuilder line) {
        Money cost = i.cost().orElse(null);
        line.append(tenant)
                .append('\t')
                .append(i.id().value())
                .append('\t')
                .append(i.channel().name())
                .append('\t')
                .append(i.direction().name())
                .append('\t')
                .append(i.occurredAt())
                .append('\t')
                .append(i.duration().toNanos() / 1000)
                .append('\t');
        text(line, i.staff().map(StaffId::value).orElse(null)).append('\t');
        text(line, i.subject().orElse(null)).append('\t');
        text(line, i.summary().orElse(null)).append('\t');
        text(line, i.outcome().orElse(null)).append('\t');
        text(line, cost == null ? null : cost.amount().toPlainString()).append('\t');
        text(line, cost == null ? null : cost.currency().getCurrencyCode()).append('\t');
        text(line, i.externalId().orElse(null)).append('\t');
        text(line, i.supersedes().map(s -> s.value().toString()).orElse(null)).append('\t');
        line.append(i.recordedAt()).append('\t');
        line.append(i.recordedBy().kind().name()).append('\t');
        text(line, i.recordedBy().id()).append('\t');
        line.append(i.links().size()).append('\n');
        return 1;
    }

    /** The {@code crm_interaction_participant} lines of {@code i}, one per participant in order. */
    private static long participantRows(String tenant, Interaction i, StringBuilder line) {
        List<Participant> participants = i.participants();
        for (int seq = 0; seq < participants.size(); seq++) {
            Participant p = participants.get(seq);
            line.append(tenant)
                    .append('\t')
                    .append(i.id().value())
                    .append('\t')
                    .append(seq)
                    .append('\t')
                    .append(p.customer().value())
                    .append('\t')
                    .append(p.role().name())
                    .append('\t')
                    .append(i.occurredAt())
                    .append('\t')
                    .append(i.channel().name())
                    .append('\t')
                    .append(i.direction().name())
                    .append('\n');
        }
        return participants.size();
    }

    /** The {@code crm_interaction_link} lines of {@code i}, one per link in order. */
    private static long linkRows(String tenant, Interaction i, StringBuilder line) {
        List<InteractionLink> links = i.links();
        for (int seq = 0; seq < links.size(); seq++) {
            InteractionLink link = links.get(seq);
            line.append(tenant)
                    .append('\t')
                    .append(i.id().value())
                    .append('\t')
                    .append(seq)
                    .append('\t')
                    .append(link.kind().name())
                    .append('\t')
                    .append(link.id())
                    .append('\n');
        }
        return links.size();
    }

    private static StringBuilder text(StringBuilder line, String value) {
        return value == null ? line.append("\\N") : line.append(escape(value));
    }

    /** {@code value} as a field of COPY's text format: backslash, tab and line breaks escaped. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    private static void report(String table, long rows, long since) {
        System.out.printf(Locale.ROOT, "# copied %,d rows into %s in %.0f s%n", rows, table, seconds(since));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
