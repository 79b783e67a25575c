package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.ParticipantRole;

/**
 * Maps interactions to the rows of {@code crm_interaction}, {@code crm_interaction_participant} and
 * {@code crm_interaction_link}, and rows back to interactions. The only place that knows the columns.
 * Immutable and thread-safe.
 */
final class InteractionMapper {
    /** The columns an interaction's own row is read from, aliased {@code i}. */
    static final String COLUMNS = "i.id, i.channel, i.direction, i.occurred_at, i.duration_micros, i.staff_id,"
            + " i.subject, i.summary, i.outcome, i.cost_amount, i.cost_currency, i.external_id, i.supersedes_id,"
            + " i.recorded_at, i.recorded_by_kind, i.recorded_by, i.link_count";
    /** The columns of a participant row, aliased {@code c}, read by {@link #readParticipant}. */
    static final String PARTICIPANT_COLUMNS = "c.interaction_id, c.seq, c.customer_id, c.role";
    /** The columns of a link row, aliased {@code c}, read by {@link #readLink}. */
    static final String LINK_COLUMNS = "c.interaction_id, c.seq, c.kind, c.target_id";

    private static final String INTERACTION_INSERT_COLUMNS = "tenant_id, id, channel, direction, occurred_at,"
            + " duration_micros, staff_id, subject, summary, outcome, cost_amount, cost_currency, external_id,"
            + " supersedes_id, recorded_at, recorded_by_kind, recorded_by, link_count";
    private static final String INTERACTION_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PARTICIPANT_INSERT_COLUMNS =
            "tenant_id, interaction_id, seq, customer_id, role, occurred_at, channel, direction";
    private static final String PARTICIPANT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINK_INSERT_COLUMNS = "tenant_id, interaction_id, seq, kind, target_id";
    private static final String LINK_ROW = "(?, ?, ?, ?, ?)";

    private static final Sql.Null NULL_DECIMAL = new Sql.Null(Types.NUMERIC);
    private static final Sql.Null NULL_CHAR = new Sql.Null(Types.CHAR);

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final Sql.Null nullUuid;

    InteractionMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.nullUuid = new Sql.Null(dialect == JdbcDialect.MARIADB ? Types.BINARY : Types.OTHER);
    }

    /**
     * The interaction as the store keeps it: instants and duration cut to whole microseconds, which is
     * what every supported database stores; {@code interaction} itself when it has nothing finer.
     */
    static Interaction stored(Interaction interaction) {
        Instant occurredAt = interaction.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Instant recordedAt = interaction.recordedAt().truncatedTo(ChronoUnit.MICROS);
        Duration duration = interaction.duration().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.equals(interaction.occurredAt())
                && recordedAt.equals(interaction.recordedAt())
                && duration.equals(interaction.duration())) {
            return interaction;
        }
        return interaction.toBuilder()
                .occurredAt(occurredAt)
                .recordedAt(recordedAt)
                .duration(duration)
                .build();
    }

    /** A batch of interaction rows, to which {@link #addRows} adds. */
    RowBatch interactionRows() {
        return new RowBatch("crm_interaction", INTERACTION_INSERT_COLUMNS, INTERACTION_ROW, dialect);
    }

    /** A batch of participant rows, to which {@link #addRows} adds. */
    RowBatch participantRows() {
        return new RowBatch("crm_interaction_participant", PARTICIPANT_INSERT_COLUMNS, PARTICIPANT_ROW, dialect);
    }

    /** A batch of link rows, to which {@link #addRows} adds. */
    RowBatch linkRows() {
        return new RowBatch("crm_interaction_link", LINK_INSERT_COLUMNS, LINK_ROW, dialect);
    }

    /** Adds the rows of {@code stored} (as {@link #stored} made it) to the three batches. */
    void addRows(RowBatch interactions, RowBatch participants, RowBatch links, Interaction stored) {
        addHead(interactions, stored);
        addChildren(participants, links, stored);
    }

    /** Adds the own row of {@code stored} (as {@link #stored} made it) to {@code interactions}. */
    void addHead(RowBatch interactions, Interaction stored) {
        UUID id = stored.id().value();
        Money cost = stored.cost().orElse(null);
        interactions.add(
                tenant.value(),
                id,
                stored.channel().name(),
                stored.direction().name(),
                stored.occurredAt(),
                stored.duration().toNanos() / 1000,
                text(stored.staff().map(StaffId::value).orElse(null)),
                text(stored.subject().orElse(null)),
                text(stored.summary().orElse(null)),
                text(stored.outcome().orElse(null)),
                cost == null ? NULL_DECIMAL : cost.amount(),
                cost == null ? NULL_CHAR : cost.currency().getCurrencyCode(),
                text(stored.externalId().orElse(null)),
                stored.supersedes().<Object>map(InteractionId::value).orElse(nullUuid),
                stored.recordedAt(),
                stored.recordedBy().kind().name(),
                stored.recordedBy().id(),
                stored.links().size());
    }

    /** Adds the participant and link rows of {@code stored} (as {@link #stored} made it). */
    void addChildren(RowBatch participants, RowBatch links, Interaction stored) {
        UUID id = stored.id().value();
        List<Participant> people = stored.participants();
        for (int seq = 0; seq < people.size(); seq++) {
            Participant p = people.get(seq);
            participants.add(
                    tenant.value(),
                    id,
                    seq,
                    p.customer().value(),
                    p.role().name(),
                    stored.occurredAt(),
                    stored.channel().name(),
                    stored.direction().name());
        }
        List<InteractionLink> linked = stored.links();
        for (int seq = 0; seq < linked.size(); seq++) {
            InteractionLink link = linked.get(seq);
            links.add(tenant.value(), id, seq, link.kind().name(), link.id());
        }
    }

    private static Object text(String value) {
        return value == null ? Sql.NULL_TEXT : value;
    }

    /** Reads an interaction's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        BigDecimal amount = rows.getBigDecimal("cost_amount");
        String staff = rows.getString("staff_id");
        UUID supersedes = dialect.getUuid(rows, "supersedes_id");
        return new Head(
                dialect.getUuid(rows, "id"),
                Channel.valueOf(rows.getString("channel")),
                Direction.valueOf(rows.getString("direction")),
                dialect.getInstant(rows, "occurred_at"),
                Duration.of(rows.getLong("duration_micros"), ChronoUnit.MICROS),
                staff == null ? null : StaffId.of(staff),
                rows.getString("subject"),
                rows.getString("summary"),
                rows.getString("outcome"),
                amount == null ? null : Money.of(amount, Currency.getInstance(rows.getString("cost_currency"))),
                rows.getString("external_id"),
                supersedes == null ? null : new InteractionId(supersedes),
                dialect.getInstant(rows, "recorded_at"),
                new Actor(Actor.Kind.valueOf(rows.getString("recorded_by_kind")), rows.getString("recorded_by")),
                rows.getInt("link_count"));
    }

    /** Reads the participant of a row selected with {@link #PARTICIPANT_COLUMNS}. */
    Participant readParticipant(ResultSet rows) throws SQLException {
        return Participant.of(
                new CustomerId(dialect.getUuid(rows, "customer_id")), ParticipantRole.valueOf(rows.getString("role")));
    }

    /** Reads the link of a row selected with {@link #LINK_COLUMNS}. */
    InteractionLink readLink(ResultSet rows) throws SQLException {
        return InteractionLink.of(LinkKind.valueOf(rows.getString("kind")), dialect.getUuid(rows, "target_id"));
    }

    /** Builds the interaction of {@code head} with its participants and links, each in order. */
    Interaction assemble(Head head, List<Participant> participants, List<InteractionLink> links) {
        return Interaction.builder(
                        new InteractionId(head.id()),
                        tenant,
                        head.channel(),
                        head.direction(),
                        head.occurredAt(),
                        head.recordedAt(),
                        head.recordedBy())
                .duration(head.duration())
                .staff(head.staff())
                .subject(head.subject())
                .summary(head.summary())
                .outcome(head.outcome())
                .cost(head.cost())
                .participants(participants)
                .links(links)
                .externalId(head.externalId())
                .supersedes(head.supersedes())
                .build();
    }

    /** The values of an interaction's own row, before its participants and links are joined to it. */
    record Head(
            UUID id,
            Channel channel,
            Direction direction,
            Instant occurredAt,
            Duration duration,
            StaffId staff,
            String subject,
            String summary,
            String outcome,
            Money cost,
            String externalId,
            InteractionId supersedes,
            Instant recordedAt,
            Actor recordedBy,
            int linkCount) {}
}
