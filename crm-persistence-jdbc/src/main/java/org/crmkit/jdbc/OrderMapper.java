package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;

/**
 * Maps orders to rows of {@code crm_order} and {@code crm_order_line} and back, so that only this
 * class (with {@link LineItemRows}) knows the columns. Immutable and thread-safe.
 */
final class OrderMapper {
    /** The columns an order's own row is read from, aliased {@code o}. */
    static final String COLUMNS = "o.id, o.customer_id, o.ordered_at, o.currency, o.cost_amount, o.channel,"
            + " o.opportunity_id, o.external_id, o.line_count, o.created_at, o.created_by_kind, o.created_by,"
            + " o.updated_at, o.updated_by_kind, o.updated_by";

    private static final String ORDER_INSERT_COLUMNS = "tenant_id, id, customer_id, ordered_at, total_amount,"
            + " currency, cost_amount, channel, opportunity_id, external_id, line_count, created_at,"
            + " created_by_kind, created_by, updated_at, updated_by_kind, updated_by";
    private static final String ORDER_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Sql.Null NULL_DECIMAL = new Sql.Null(Types.NUMERIC);

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final Sql.Null nullUuid;
    private final LineItemRows lines;

    OrderMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.nullUuid = new Sql.Null(dialect == JdbcDialect.MARIADB ? Types.BINARY : Types.OTHER);
        this.lines = new LineItemRows("crm_order_line", "order_id", dialect, tenant);
    }

    /**
     * The order as the store keeps it: its instants cut to whole microseconds, which is what every
     * supported database stores; {@code order} itself when it has nothing finer.
     */
    static Order stored(Order order) {
        Audit a = order.audit();
        Instant orderedAt = Instants.micros(order.orderedAt());
        Audit audit =
                new Audit(Instants.micros(a.createdAt()), a.createdBy(), Instants.micros(a.updatedAt()), a.updatedBy());
        if (orderedAt.equals(order.orderedAt()) && audit.equals(a)) {
            return order;
        }
        return Order.of(
                order.id(),
                order.tenant(),
                order.customer(),
                orderedAt,
                order.lines(),
                order.cost().orElse(null),
                order.channel().orElse(null),
                order.opportunity().orElse(null),
                order.externalId().orElse(null),
                audit);
    }

    /** A batch of order rows, to which {@link #addRows} adds. */
    RowBatch orderRows() {
        return new RowBatch("crm_order", ORDER_INSERT_COLUMNS, ORDER_ROW, dialect);
    }

    /** A batch of line rows, to which {@link #addRows} adds. */
    RowBatch lineRows() {
        return lines.batch();
    }

    /** Adds the rows of {@code stored} (as {@link #stored} made it) to the two batches. */
    void addRows(RowBatch orders, RowBatch lineRows, Order stored) {
        Money cost = stored.cost().orElse(null);
        orders.add(
                tenant.value(),
                stored.id().value(),
                stored.customer().value(),
                stored.orderedAt(),
                stored.total().amount(),
                stored.total().currency().getCurrencyCode(),
                cost == null ? NULL_DECIMAL : cost.amount(),
                stored.channel().<Object>map(Channel::name).orElse(Sql.NULL_TEXT),
                stored.opportunity().<Object>map(OpportunityId::value).orElse(nullUuid),
                stored.externalId().<Object>map(e -> e).orElse(Sql.NULL_TEXT),
                stored.lines().size(),
                stored.audit().createdAt(),
                stored.audit().createdBy().kind().name(),
                stored.audit().createdBy().id(),
                stored.audit().updatedAt(),
                stored.audit().updatedBy().kind().name(),
                stored.audit().updatedBy().id());
        lines.add(lineRows, stored.id().value(), stored.lines());
    }

    /** Reads an order's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        BigDecimal cost = rows.getBigDecimal("cost_amount");
        String channel = rows.getString("channel");
        UUID opportunity = dialect.getUuid(rows, "opportunity_id");
        return new Head(
                dialect.getUuid(rows, "id"),
                new CustomerId(dialect.getUuid(rows, "customer_id")),
                dialect.getInstant(rows, "ordered_at"),
                cost == null ? null : LineItemRows.money(cost, rows.getString("currency")),
                channel == null ? null : Channel.valueOf(channel),
                opportunity == null ? null : new OpportunityId(opportunity),
                rows.getString("external_id"),
                rows.getInt("line_count"),
                new Audit(
                        dialect.getInstant(rows, "created_at"),
                        new Actor(Actor.Kind.valueOf(rows.getString("created_by_kind")), rows.getString("created_by")),
                        dialect.getInstant(rows, "updated_at"),
                        new Actor(
                                Actor.Kind.valueOf(rows.getString("updated_by_kind")), rows.getString("updated_by"))));
    }

    /** The values of an order's own row, before its lines are joined to it. */
    record Head(
            UUID id,
            CustomerId customer,
            Instant orderedAt,
            Money cost,
            Channel channel,
            OpportunityId opportunity,
            String externalId,
            int lineCount,
            Audit audit) {

        /** The order of this row with {@code lines}, in order. */
        Order assemble(TenantId tenant, List<LineItem> lines) {
            return Order.of(
                    new OrderId(id), tenant, customer, orderedAt, lines, cost, channel, opportunity, externalId, audit);
        }
    }
}
