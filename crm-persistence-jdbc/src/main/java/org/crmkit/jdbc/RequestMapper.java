package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.core.service.ServiceLevelTarget;

/**
 * Maps requests to rows of {@code crm_request} and back, so that only this immutable class knows
 * the columns.
 */
final class RequestMapper {
    /** The columns a request is read from, aliased {@code r}. */
    static final String COLUMNS = "r.id, r.version, r.customer_id, r.channel, r.kind, r.priority, r.subject, r.topic,"
            + " r.opened_by, r.status, r.assignee, r.team, r.opened_at, r.first_response_due, r.resolution_due,"
            + " r.first_responded_at, r.resolved_at, r.closed_at, r.first_response_notified,"
            + " r.resolution_notified, r.created_at, r.created_by_kind, r.created_by, r.updated_at,"
            + " r.updated_by_kind, r.updated_by";

    /** The columns written from a request, in binding order, after tenant and id. */
    private static final List<String> DATA_COLUMNS = List.of(
            "version",
            "customer_id",
            "channel",
            "kind",
            "priority",
            "subject",
            "topic",
            "opened_by",
            "status",
            "is_open",
            "assignee",
            "team",
            "opened_at",
            "first_response_due",
            "resolution_due",
            "first_responded_at",
            "resolved_at",
            "closed_at",
            "first_response_notified",
            "resolution_notified",
            "next_deadline",
            "created_at",
            "created_by_kind",
            "created_by",
            "updated_at",
            "updated_by_kind",
            "updated_by");

    private static final String INSERT = "INSERT INTO crm_request (tenant_id, id, " + String.join(", ", DATA_COLUMNS)
            + ") VALUES (?, ?, " + DATA_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE = "UPDATE crm_request SET "
            + DATA_COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE tenant_id = ? AND id = ? AND version = ?";

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final Sql.Null nullUuid;
    private final String insert;

    RequestMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.nullUuid = new Sql.Null(dialect == JdbcDialect.MARIADB ? Types.BINARY : Types.OTHER);
        this.insert = INSERT + dialect.onConflictDoNothing();
    }

    /**
     * The INSERT of one request's row that, where the dialect can say so (PostgreSQL), skips a row
     * whose id or opening interaction is taken (0 rows) rather than failing and aborting the
     * transaction.
     */
    String insertSql() {
        return insert;
    }

    /** The UPDATE of a request's row at an expected version. */
    String updateSql() {
        return UPDATE;
    }

    /**
     * The request as the store keeps it at {@code version}: instants cut to whole microseconds, which
     * is what every supported database stores.
     */
    static Request stored(Request r, long version) {
        Audit a = r.audit();
        return Request.builder(
                        r.id(),
                        r.tenant(),
                        r.customer(),
                        r.subject(),
                        Instants.micros(r.openedAt()),
                        Instants.micros(r.firstResponseDue()),
                        Instants.micros(r.resolutionDue()),
                        new Audit(
                                Instants.micros(a.createdAt()),
                                a.createdBy(),
                                Instants.micros(a.updatedAt()),
                                a.updatedBy()))
                .channel(r.channel())
                .kind(r.kind())
                .priority(r.priority())
                .topic(r.topic().orElse(null))
                .openedBy(r.openedBy().orElse(null))
                .status(r.status())
                .assignee(r.assignee().orElse(null))
                .team(r.team().orElse(null))
                .firstRespondedAt(Instants.micros(r.firstRespondedAt().orElse(null)))
                .resolvedAt(Instants.micros(r.resolvedAt().orElse(null)))
                .closedAt(Instants.micros(r.closedAt().orElse(null)))
                .overdueNotified(r.overdueNotified())
                .version(version)
                .build();
    }

    /** Binds tenant, id and the data columns of {@code stored} for {@link #insertSql}. */
    void bindInsert(PreparedStatement statement, Request stored) throws SQLException {
        Sql.bind(statement, 1, tenant.value(), dialect);
        Sql.bind(statement, 2, stored.id().value(), dialect);
        bind(statement, 3, data(stored));
    }

    /** Binds the data columns of {@code stored} and the key for {@link #updateSql}. */
    void bindUpdate(PreparedStatement statement, Request stored, long expectedVersion) throws SQLException {
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

    /** The values of {@link #DATA_COLUMNS} for {@code r}, in order. */
    private Object[] data(Request r) {
        Set<ServiceLevelTarget> notified = r.overdueNotified();
        return new Object[] {
            r.version(),
            r.customer().value(),
            r.channel().name(),
            r.kind().name(),
            r.priority().name(),
            r.subject(),
            text(r.topic().orElse(null)),
            r.openedBy().<Object>map(InteractionId::value).orElse(nullUuid),
            r.status().name(),
            r.status().isOpen(),
            text(r.assignee().map(StaffId::value).orElse(null)),
            text(r.team().map(TeamId::value).orElse(null)),
            r.openedAt(),
            r.firstResponseDue(),
            r.resolutionDue(),
            instant(r.firstRespondedAt().orElse(null)),
            instant(r.resolvedAt().orElse(null)),
            instant(r.closedAt().orElse(null)),
            notified.contains(ServiceLevelTarget.FIRST_RESPONSE),
            notified.contains(ServiceLevelTarget.RESOLUTION),
            instant(r.nextDeadline().orElse(null)),
            r.audit().createdAt(),
            r.audit().createdBy().kind().name(),
            r.audit().createdBy().id(),
            r.audit().updatedAt(),
            r.audit().updatedBy().kind().name(),
            r.audit().updatedBy().id()
        };
    }

    private static Object text(String value) {
        return value == null ? Sql.NULL_TEXT : value;
    }

    private static Object instant(Instant value) {
        return value == null ? Sql.NULL_INSTANT : value;
    }

    /** Reads the request of a row selected with {@link #COLUMNS}. */
    Request read(ResultSet rows) throws SQLException {
        UUID openedBy = dialect.getUuid(rows, "opened_by");
        String assignee = rows.getString("assignee");
        String team = rows.getString("team");
        Set<ServiceLevelTarget> notified = EnumSet.noneOf(ServiceLevelTarget.class);
        if (rows.getBoolean("first_response_notified")) {
            notified.add(ServiceLevelTarget.FIRST_RESPONSE);
        }
        if (rows.getBoolean("resolution_notified")) {
            notified.add(ServiceLevelTarget.RESOLUTION);
        }
        return Request.builder(
                        new RequestId(dialect.getUuid(rows, "id")),
                        tenant,
                        new CustomerId(dialect.getUuid(rows, "customer_id")),
                        rows.getString("subject"),
                        dialect.getInstant(rows, "opened_at"),
                        dialect.getInstant(rows, "first_response_due"),
                        dialect.getInstant(rows, "resolution_due"),
                        new Audit(
                                dialect.getInstant(rows, "created_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("created_by_kind")),
                                        rows.getString("created_by")),
                                dialect.getInstant(rows, "updated_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("updated_by_kind")),
                                        rows.getString("updated_by"))))
                .channel(Channel.valueOf(rows.getString("channel")))
                .kind(RequestKind.valueOf(rows.getString("kind")))
                .priority(Priority.valueOf(rows.getString("priority")))
                .topic(rows.getString("topic"))
                .openedBy(openedBy == null ? null : new InteractionId(openedBy))
                .status(RequestStatus.valueOf(rows.getString("status")))
                .assignee(assignee == null ? null : StaffId.of(assignee))
                .team(team == null ? null : TeamId.of(team))
                .firstRespondedAt(dialect.getInstant(rows, "first_responded_at"))
                .resolvedAt(dialect.getInstant(rows, "resolved_at"))
                .closedAt(dialect.getInstant(rows, "closed_at"))
                .overdueNotified(notified)
                .version(rows.getLong("version"))
                .build();
    }
}
