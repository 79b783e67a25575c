package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.Stage;

/**
 * Thread-safe {@link PipelineRepository} over {@code crm_pipeline} and {@code crm_pipeline_stage}
 * for one tenant: any number of pipelines is read in two statements (their rows, then their stages),
 * and a save replaces the stages whole.
 */
final class JdbcPipelineRepository implements PipelineRepository {
    /** How often a read is repeated while writers keep changing what it reads. */
    private static final String FROM = "SELECT " + PipelineMapper.COLUMNS + " FROM crm_pipeline p";

    private static final String STAGES = "SELECT p.id AS pid, p.version AS pver, " + PipelineMapper.STAGE_COLUMNS
            + " FROM crm_pipeline p LEFT JOIN crm_pipeline_stage s ON s.tenant_id = p.tenant_id"
            + " AND s.pipeline_id = p.id WHERE ";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final PipelineMapper mapper;

    JdbcPipelineRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new PipelineMapper(dialect, tenant);
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        ValidationException.requireNonNull(id, "pipelineId");
        List<Pipeline> found = tx.read(
                "reading pipeline " + id,
                connection ->
                        load(connection, () -> where().append(" AND p.id = ").value(id.value())));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Pipeline> all() {
        // led by the key's columns, so that H2 too reads the primary key in order
        return tx.read(
                "reading the pipelines",
                connection -> load(connection, () -> where().append(" ORDER BY p.tenant_id, p.id")));
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        if (!pipeline.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "pipeline belongs to tenant " + pipeline.tenant() + ", not " + tenant);
        }
        Pipeline stored = PipelineMapper.stored(pipeline, pipeline.version() + 1);
        boolean inUnit = tx.inUnit();
        return tx.write("saving pipeline " + pipeline.id(), () -> conflict(pipeline), connection -> {
            if (pipeline.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement(mapper.insertSql())) {
                    mapper.bindInsert(statement, stored);
                    VersionedRows.insert(dialect, statement, () -> conflict(pipeline));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                    mapper.bindUpdate(statement, stored, pipeline.version());
                    VersionedRows.update(
                            connection,
                            dialect,
                            statement,
                            false,
                            inUnit,
                            new Sql()
                                    .append("SELECT p.version FROM crm_pipeline p WHERE p.tenant_id = ")
                                    .value(tenant.value())
                                    .append(" AND p.id = ")
                                    .value(pipeline.id().value()),
                            () -> conflict(pipeline),
                            () -> new NotFoundException("Pipeline", pipeline.id()));
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM crm_pipeline_stage WHERE tenant_id = ? AND pipeline_id = ?")) {
                    Sql.bind(statement, 1, tenant.value(), dialect);
                    Sql.bind(statement, 2, pipeline.id().value(), dialect);
                    statement.executeUpdate();
                }
            }
            RowBatch stages = mapper.stageRows();
            mapper.addStageRows(stages, stored);
            stages.execute(connection);
            return stored;
        });
    }

    /** The SELECT of this tenant's pipelines, to be narrowed with {@code AND …}. */
    private Sql where() {
        return new Sql().append(FROM + " WHERE p.tenant_id = ").value(tenant.value());
    }

    /** A statement that selects pipelines' own rows with {@link PipelineMapper#COLUMNS}. */
    @FunctionalInterface
    private interface HeadQuery {
        Sql build();
    }

    /**
     * Loads the pipelines {@code query} selects, in its order, with their stages in one more statement
     * per {@value Sql#MAX_IN} pipelines. That statement joins the pipeline rows again, so that a
     * pipeline's version shows whether a writer committed in between; if one did, the read is
     * repeated.
     */
    private List<Pipeline> load(Connection connection, HeadQuery query) throws SQLException {
        return WholeReads.load(connection, dialect, query::build, mapper::readHead, this::assemble, "Pipelines");
    }

    /**
     * Joins the stages to {@code heads}, or returns null when one of the pipelines has a different
     * version by now.
     */
    private List<Pipeline> assemble(Connection connection, List<PipelineMapper.Head> heads) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        for (PipelineMapper.Head head : heads) {
            versions.put(head.id(), head.version());
        }
        Map<UUID, TreeMap<Integer, Stage>> stages = new HashMap<>();
        for (List<UUID> chunk : Sql.chunks(new ArrayList<>(versions.keySet()), Sql.MAX_IN)) {
            Sql sql = new Sql().append(STAGES).keyIn("p.tenant_id", "p.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "pid");
                    if (versions.get(id) != rows.getLong("pver")) {
                        return null;
                    }
                    TreeMap<Integer, Stage> of = stages.computeIfAbsent(id, k -> new TreeMap<>());
                    int seq = rows.getInt("seq");
                    if (!rows.wasNull()) {
                        of.put(seq, mapper.readStage(rows));
                    }
                }
            }
        }
        if (stages.size() != versions.size()) {
            return null; // a pipeline's row is gone
        }
        List<Pipeline> pipelines = new ArrayList<>(heads.size());
        for (PipelineMapper.Head head : heads) {
            pipelines.add(
                    head.assemble(tenant, new ArrayList<>(stages.get(head.id()).values())));
        }
        return pipelines;
    }

    private static ConcurrentUpdateException conflict(Pipeline pipeline) {
        return new ConcurrentUpdateException("Pipeline", pipeline.id(), pipeline.version());
    }
}
