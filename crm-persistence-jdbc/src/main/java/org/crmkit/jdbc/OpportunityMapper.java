package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.StageChange;
import org.crmkit.core.sales.StageId;

/**
 * Maps opportunities to rows of {@code crm_opportunity}, {@code crm_opportunity_line} and {@code
 * crm_opportunity_stage_change} and back, so that only this class (with {@link LineItemRows}) knows
 * the columns. Immutable and thread-safe.
 */
final class OpportunityMapper {
    /** The columns an opportunity's own row is read from, aliased {@code o}. */
    static final String COLUMNS = "o.id, o.version, o.customer_id, o.owner_id, o.pipeline_id, o.name, o.amount,"
            + " o.currency, o.line_count, o.expected_close, o.stage_id, o.probability_override,"
            + " o.predicted_probability, o.forecast_category, o.source_channel, o.source_campaign, o.status, o.close_reason, o.closed_at,"
            + " o.created_at, o.created_by_kind, o.created_by, o.updated_at, o.updated_by_kind, o.updated_by";
    /** The columns of a stage history row, aliased {@code h}, read by {@link #readChange}. */
    static final String HISTORY_COLUMNS = "h.seq, h.stage_id, h.status, h.changed_at, h.changed_by_kind, h.changed_by";

    /** The columns written from an opportunity, in binding order, after tenant and id. */
    private static final List<String> DATA_COLUMNS = List.of(
            "version",
            "customer_id",
            "owner_id",
            "pipeline_id",
            "name",
            "amount",
            "currency",
            "line_count",
            "expected_close",
            "stage_id",
            "probability_override",
            "predicted_probability",
            "forecast_category",
            "source_channel",
            "source_campaign",
            "status",
            "close_reason",
            "closed_at",
            "created_at",
            "created_by_kind",
            "created_by",
            "updated_at",
            "updated_by_kind",
            "updated_by");

    private static final String INSERT = "INSERT INTO crm_opportunity (tenant_id, id, "
            + String.join(", ", DATA_COLUMNS) + ") VALUES (?, ?, "
            + DATA_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE = "UPDATE crm_opportunity SET "
            + DATA_COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE tenant_id = ? AND id = ? AND version = ?";
    private static final String HISTORY_INSERT_COLUMNS =
            "tenant_id, opportunity_id, seq, stage_id, status, changed_at, changed_by_kind, changed_by";
    private static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Sql.Null NULL_PERCENT = new Sql.Null(Types.SMALLINT);

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final Sql.Null nullUuid;
    private final String insert;
    private final LineItemRows lines;

    OpportunityMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.nullUuid = new Sql.Null(dialect == JdbcDialect.MARIADB ? Types.BINARY : Types.OTHER);
        this.insert = INSERT + dialect.onConflictDoNothing();
        this.lines = new LineItemRows("crm_opportunity_line", "opportunity_id", dialect, tenant);
    }

    /**
     * The INSERT of one opportunity's row that, where the dialect can say so (PostgreSQL), skips a row
     * whose id is taken (0 rows) rather than failing and aborting the transaction.
     */
    String insertSql() {
        return insert;
    }

    /** The UPDATE of an opportunity's row at an expected version. */
    String updateSql() {
        return UPDATE;
    }

    /**
     * The opportunity as the store keeps it at {@code version}: its instants (close, stage history,
     * audit) cut to whole microseconds, which is what every supported database stores.
     */
    static Opportunity stored(Opportunity o, long version) {
        List<StageChange> history = new ArrayList<>(o.history().size());
        for (StageChange c : o.history()) {
            history.add(new StageChange(c.stage(), c.status(), Instants.micros(c.at()), c.by()));
        }
        Audit a = o.audit();
        return o.toBuilder()
                .closedAt(Instants.micros(o.closedAt().orElse(null)))
                .history(history)
                .audit(new Audit(
                        Instants.micros(a.createdAt()), a.createdBy(), Instants.micros(a.updatedAt()), a.updatedBy()))
                .version(version)
                .build();
    }

    /** Binds tenant, id and the data columns of {@code stored} for {@link #insertSql}. */
    void bindInsert(PreparedStatement statement, Opportunity stored) throws SQLException {
        Sql.bind(statement, 1, tenant.value(), dialect);
        Sql.bind(statement, 2, stored.id().value(), dialect);
        bind(statement, 3, data(stored));
    }

    /** Binds the data columns of {@code stored} and the key for {@link #updateSql}. */
    void bindUpdate(PreparedStatement statement, Opportunity stored, long expectedVersion) throws SQLException {
        Object[] data = data(stored);
        bind(statement, 1, data);
        int next = data.length + 1;
        Sql.bind(statement, next, tenant.value(), dialect);
        Sql.bind(statement, next + 1, stored.id().value(), dialect);
        Sql.bind(statement, next + 2, expectedVersion, dialect);
    }

    private void bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Sql.bind(statement, first + i, values[i], dialect);
        }
    }

    /** The values of {@link #DATA_COLUMNS} for {@code o}, in order. */
    private Object[] data(Opportunity o) {
        return new Object[] {
            o.version(),
            o.customer().value(),
            o.owner().value(),
            o.pipeline().value(),
            o.name(),
            o.amount().amount(),
            o.amount().currency().getCurrencyCode(),
            o.lines().size(),
            o.expectedClose(),
            o.stage().value(),
            o.probabilityOverride().isPresent()
                    ? (Object) o.probabilityOverride().getAsInt()
                    : NULL_PERCENT,
            o.predictedProbability().isPresent()
                    ? (Object) o.predictedProbability().getAsInt()
                    : NULL_PERCENT,
            o.forecastCategory().name(),
            o.sourceChannel().<Object>map(Channel::name).orElse(Sql.NULL_TEXT),
            o.sourceCampaign().<Object>map(c -> c).orElse(nullUuid),
            o.status().name(),
            o.closeReason().<Object>map(r -> r).orElse(Sql.NULL_TEXT),
            o.closedAt().<Object>map(c -> c).orElse(Sql.NULL_INSTANT),
            o.audit().createdAt(),
            o.audit().createdBy().kind().name(),
            o.audit().createdBy().id(),
            o.audit().updatedAt(),
            o.audit().updatedBy().kind().name(),
            o.audit().updatedBy().id()
        };
    }

    /** A batch of line rows, to which {@link #addLineRows} adds. */
    RowBatch lineRows() {
        return lines.batch();
    }

    /** Adds the rows of the line items of {@code stored}, in order, to {@code rows}. */
    void addLineRows(RowBatch rows, Opportunity stored) {
        lines.add(rows, stored.id().value(), stored.lines());
    }

    /** A batch of stage history rows, to which {@link #addHistoryRows} adds. */
    RowBatch historyRows() {
        return new RowBatch("crm_opportunity_stage_change", HISTORY_INSERT_COLUMNS, HISTORY_ROW, dialect);
    }

    /** Adds the rows of the stage history entries of {@code stored} from position {@code from} on to {@code rows}. */
    void addHistoryRows(RowBatch rows, Opportunity stored, int from) {
        List<StageChange> history = stored.history();
        for (int seq = from; seq < history.size(); seq++) {
            StageChange c = history.get(seq);
            rows.add(
                    tenant.value(),
                    stored.id().value(),
                    seq,
                    c.stage().value(),
                    c.status().name(),
                    c.at(),
                    c.by().kind().name(),
                    c.by().id());
        }
    }

    /** Reads an opportunity's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        UUID id = dialect.getUuid(rows, "id");
        int lineCount = rows.getInt("line_count");
        int probability = rows.getInt("probability_override");
        Integer override = rows.wasNull() ? null : probability;
        int predictedPercent = rows.getInt("predicted_probability");
        Integer predicted = rows.wasNull() ? null : predictedPercent;
        String channel = rows.getString("source_channel");
        Opportunity.Builder b = Opportunity.builder(
                        new OpportunityId(id),
                        tenant,
                        new CustomerId(dialect.getUuid(rows, "customer_id")),
                        StaffId.of(rows.getString("owner_id")),
                        new PipelineId(dialect.getUuid(rows, "pipeline_id")),
                        rows.getString("name"),
                        rows.getObject("expected_close", LocalDate.class),
                        new StageId(dialect.getUuid(rows, "stage_id")),
                        new Audit(
                                dialect.getInstant(rows, "created_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("created_by_kind")),
                                        rows.getString("created_by")),
                                dialect.getInstant(rows, "updated_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("updated_by_kind")),
                                        rows.getString("updated_by"))))
                .probabilityOverride(override)
                .predictedProbability(predicted)
                .forecastCategory(ForecastCategory.valueOf(rows.getString("forecast_category")))
                .sourceChannel(channel == null ? null : Channel.valueOf(channel))
                .sourceCampaign(dialect.getUuid(rows, "source_campaign"))
                .status(OpportunityStatus.valueOf(rows.getString("status")))
                .closeReason(rows.getString("close_reason"))
                .closedAt(dialect.getInstant(rows, "closed_at"))
                .version(rows.getLong("version"));
        if (lineCount == 0) {
            b.amount(LineItemRows.money(rows.getBigDecimal("amount"), rows.getString("currency")));
        } // with lines, the amount is theirs
        return new Head(id, rows.getLong("version"), lineCount, b);
    }

    /** Reads the stage history entry of a row selected with {@link #HISTORY_COLUMNS}. */
    StageChange readChange(ResultSet rows) throws SQLException {
        return new StageChange(
                new StageId(dialect.getUuid(rows, "stage_id")),
                OpportunityStatus.valueOf(rows.getString("status")),
                dialect.getInstant(rows, "changed_at"),
                new Actor(Actor.Kind.valueOf(rows.getString("changed_by_kind")), rows.getString("changed_by")));
    }

    /** An opportunity's own row, read before its lines and history are joined to it. */
    record Head(UUID id, long version, int lineCount, Opportunity.Builder opportunity) {

        /** The opportunity of this row with {@code lines} and {@code history}, each in order. */
        Opportunity assemble(List<LineItem> lines, List<StageChange> history) {
            return opportunity.lines(lines).history(history).build();
        }
    }
}
