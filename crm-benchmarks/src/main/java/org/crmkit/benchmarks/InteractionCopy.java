package org.crmkit.benchmarks;

import static org.crmkit.benchmarks.TableCopy.escape;
import static org.crmkit.benchmarks.TableCopy.text;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.Participant;

/**
 * Loads a generated history into the JDBC store's interaction tables on PostgreSQL with {@code COPY}
 * ({@link TableCopy}): the way to put 10M interactions in place in minutes, where {@code appendAll}
 * would take an hour. The rows are those {@code JdbcInteractionRepository} writes (see {@code
 * InteractionMapper} and migration {@code V3__interactions.sql}): {@code crm_interaction} with the
 * duration in whole microseconds, the actor's kind as {@code USER}/{@code SYSTEM} and the link count;
 * one {@code crm_interaction_participant} row per participant in its order, repeating the
 * interaction's time, channel and direction; one {@code crm_interaction_link} row per link. The three
 * tables are copied one after the other, each from its own pass over the generator, with their keys
 * and indexes dropped meanwhile. Not instantiable.
 */
final class InteractionCopy {
    private static final List<String> TABLES =
            List.of("crm_interaction", "crm_interaction_participant", "crm_interaction_link");
    private static final String INTERACTION_COPY = "COPY crm_interaction (tenant_id, id, channel, direction,"
            + " occurred_at, duration_micros, staff_id, subject, summary, outcome, cost_amount, cost_currency,"
            + " external_id, supersedes_id, recorded_at, recorded_by_kind, recorded_by, link_count) FROM STDIN";
    private static final String PARTICIPANT_COPY = "COPY crm_interaction_participant (tenant_id, interaction_id,"
            + " seq, customer_id, role, occurred_at, channel, direction) FROM STDIN";
    private static final String LINK_COPY =
            "COPY crm_interaction_link (tenant_id, interaction_id, seq, kind, target_id) FROM STDIN";

    private InteractionCopy() {}

    /**
     * Copies every interaction of {@code history}, all of {@code tenantId}, into the tables, which
     * should be empty, in one connection of {@code db}; prints what took how long.
     */
    static void load(BenchmarkDatabase db, TenantId tenantId, InteractionDataGenerator history) throws SQLException {
        long start = System.nanoTime();
        String tenant = escape(tenantId.value());
        int n = history.size();
        TableCopy.load(
                db,
                TABLES,
                List.of(
                        new TableCopy.Step(
                                "crm_interaction",
                                INTERACTION_COPY,
                                n,
                                (k, line) -> interactionRow(tenant, history.interaction(k), line)),
                        new TableCopy.Step(
                                "crm_interaction_participant",
                                PARTICIPANT_COPY,
                                n,
                                (k, line) -> participantRows(tenant, history.interaction(k), line)),
                        new TableCopy.Step(
                                "crm_interaction_link",
                                LINK_COPY,
                                n,
                                (k, line) -> linkRows(tenant, history.interaction(k), line))));
        System.out.printf(
                Locale.ROOT, "# loaded %,d interactions in %.0f s%n", history.size(), TableCopy.seconds(start));
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
}
