package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageId;

/**
 * Maps pipelines to rows of {@code crm_pipeline} and {@code crm_pipeline_stage} and back, so that
 * only this class knows the columns. Immutable and thread-safe.
 */
final class PipelineMapper {
    /** The columns a pipeline's own row is read from, aliased {@code p}. */
    static final String COLUMNS = "p.id, p.version, p.name, p.won_reasons, p.lost_reasons, p.created_at,"
            + " p.created_by_kind, p.created_by, p.updated_at, p.updated_by_kind, p.updated_by";
    /** The columns of a stage row, aliased {@code s}, read by {@link #readStage}. */
    static final String STAGE_COLUMNS = "s.seq, s.stage_id, s.name, s.probability, s.category, s.retired";

    /** The columns written from a pipeline, in binding order, after tenant and id. */
    private static final List<String> DATA_COLUMNS = List.of(
            "version",
            "name",
            "won_reasons",
            "lost_reasons",
            "created_at",
            "created_by_kind",
            "created_by",
            "updated_at",
            "updated_by_kind",
            "updated_by");

    private static final String STAGE_INSERT_COLUMNS =
            "tenant_id, pipeline_id, seq, stage_id, name, probability, category, retired";
    private static final String STAGE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final String insert;
    private final String update;

    PipelineMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.insert = "INSERT INTO crm_pipeline (tenant_id, id, " + String.join(", ", DATA_COLUMNS)
                + ") VALUES (?, ?, "
                + DATA_COLUMNS.stream().map(this::placeholder).collect(Collectors.joining(", "))
                + ")" + dialect.onConflictDoNothing();
        this.update = "UPDATE crm_pipeline SET "
                + DATA_COLUMNS.stream().map(c -> c + " = " + placeholder(c)).collect(Collectors.joining(", "))
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    private String placeholder(String column) {
        return column.endsWith("_reasons") ? dialect.jsonParameter() : "?";
    }

    /**
     * The INSERT of one pipeline's row that, where the dialect can say so (PostgreSQL), skips a row
     * whose id is taken (0 rows) rather than failing and aborting the transaction.
     */
    String insertSql() {
        return insert;
    }

    /** The UPDATE of a pipeline's row at an expected version. */
    String updateSql() {
        return update;
    }

    /** The pipeline as the store keeps it at {@code version}: audit instants cut to whole microseconds. */
    static Pipeline stored(Pipeline p, long version) {
        Audit a = p.audit();
        return Pipeline.restore(
                p.id(),
                p.tenant(),
                p.name(),
                p.stages(),
                p.wonReasons(),
                p.lostReasons(),
                new Audit(Instants.micros(a.createdAt()), a.createdBy(), Instants.micros(a.updatedAt()), a.updatedBy()),
                version);
    }

    /** Binds tenant, id and the data columns of {@code stored} for {@link #insertSql}. */
    void bindInsert(PreparedStatement statement, Pipeline stored) throws SQLException {
        Sql.bind(statement, 1, tenant.value(), dialect);
        Sql.bind(statement, 2, stored.id().value(), dialect);
        bind(statement, 3, data(stored));
    }

    /** Binds the data columns of {@code stored} and the key for {@link #updateSql}. */
    void bindUpdate(PreparedStatement statement, Pipeline stored, long expectedVersion) throws SQLException {
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

    /** The values of {@link #DATA_COLUMNS} for {@code p}, in order. */
    private static Object[] data(Pipeline p) {
        return new Object[] {
            p.version(),
            p.name(),
            JsonCodec.writeTexts(p.wonReasons()),
            JsonCodec.writeTexts(p.lostReasons()),
            p.audit().createdAt(),
            p.audit().createdBy().kind().name(),
            p.audit().createdBy().id(),
            p.audit().updatedAt(),
            p.audit().updatedBy().kind().name(),
            p.audit().updatedBy().id()
        };
    }

    /** A batch of stage rows, to which {@link #addStageRows} adds. */
    RowBatch stageRows() {
        return new RowBatch("crm_pipeline_stage", STAGE_INSERT_COLUMNS, STAGE_ROW, dialect);
    }

    /** Adds the rows of the stages of {@code stored}, in order, to {@code rows}. */
    void addStageRows(RowBatch rows, Pipeline stored) {
        List<Stage> stages = stored.stages();
        for (int seq = 0; seq < stages.size(); seq++) {
            Stage s = stages.get(seq);
            rows.add(
                    tenant.value(),
                    stored.id().value(),
                    seq,
                    s.id().value(),
                    s.name(),
                    s.probability(),
                    s.category().name(),
                    s.retired());
        }
    }

    /** Reads a pipeline's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        return new Head(
                dialect.getUuid(rows, "id"),
                rows.getLong("version"),
                rows.getString("name"),
                JsonCodec.readTexts(rows.getString("won_reasons")),
                JsonCodec.readTexts(rows.getString("lost_reasons")),
                new Audit(
                        dialect.getInstant(rows, "created_at"),
                        new Actor(Actor.Kind.valueOf(rows.getString("created_by_kind")), rows.getString("created_by")),
                        dialect.getInstant(rows, "updated_at"),
                        new Actor(
                                Actor.Kind.valueOf(rows.getString("updated_by_kind")), rows.getString("updated_by"))));
    }

    /** Reads the stage of a row selected with {@link #STAGE_COLUMNS}. */
    Stage readStage(ResultSet rows) throws SQLException {
        return new Stage(
                new StageId(dialect.getUuid(rows, "stage_id")),
                rows.getString("name"),
                rows.getInt("probability"),
                ForecastCategory.valueOf(rows.getString("category")),
                rows.getBoolean("retired"));
    }

    /** A pipeline's own row, read before its stages are joined to it. */
    record Head(UUID id, long version, String name, List<String> wonReasons, List<String> lostReasons, Audit audit) {

        /** The pipeline of this row with {@code stages}, in order. */
        Pipeline assemble(TenantId tenant, List<Stage> stages) {
            return Pipeline.restore(new PipelineId(id), tenant, name, stages, wonReasons, lostReasons, audit, version);
        }
    }
}
