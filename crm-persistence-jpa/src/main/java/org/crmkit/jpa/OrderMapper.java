package org.crmkit.jpa;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.jpa.internal.OrderEntity;
import org.crmkit.jpa.internal.OrderLineEntity;

/**
 * Maps the core's immutable {@link Order} to and from its rows: an {@link OrderEntity} and an {@link
 * OrderLineEntity} per line, in order. Instants are kept to the microsecond: {@link #normalised} is
 * the order exactly as the store will hand it back. The total is stored, derived, for analysis in
 * SQL; a read derives it again from the lines. Stateless.
 */
final class OrderMapper {
    private OrderMapper() {}

    /** {@code order} with its instants truncated to microseconds; itself when none needs it. */
    static Order normalised(Order order) {
        if (CustomerMapper.isMicros(order.orderedAt())
                && CustomerMapper.isMicros(order.audit().createdAt())
                && CustomerMapper.isMicros(order.audit().updatedAt())) {
            return order;
        }
        return Order.of(
                order.id(),
                order.tenant(),
                order.customer(),
                CustomerMapper.micros(order.orderedAt()),
                order.lines(),
                order.cost().orElse(null),
                order.channel().orElse(null),
                order.opportunity().orElse(null),
                order.externalId().orElse(null),
                CustomerMapper.micros(order.audit()));
    }

    /** The rows that hold {@code order}, which must be {@link #normalised}: the root first. */
    static Rows newRows(Order order) {
        OrderEntity root = new OrderEntity(order.tenant().value(), order.id().value());
        root.setCustomerId(order.customer().value());
        root.setOrderedAt(order.orderedAt());
        root.setTotalAmount(LineItemMapper.scaled(order.total().amount()));
        root.setCostAmount(
                order.cost().map(c -> LineItemMapper.scaled(c.amount())).orElse(null));
        root.setCurrency(order.total().currency().getCurrencyCode());
        root.setChannel(order.channel().map(Channel::name).orElse(null));
        root.setOpportunityId(order.opportunity().map(OpportunityId::value).orElse(null));
        root.setExternalId(order.externalId().orElse(null));
        root.setLineCount((short) order.lines().size());
        root.setAudit(CustomerMapper.auditValue(order.audit()));
        List<OrderLineEntity> lines = new ArrayList<>(order.lines().size());
        for (int seq = 0; seq < order.lines().size(); seq++) {
            OrderLineEntity line = new OrderLineEntity(root, (short) seq);
            line.setLine(LineItemMapper.value(order.lines().get(seq)));
            lines.add(line);
        }
        return new Rows(root, lines);
    }

    /** The order held by {@code root} with {@code lines} in order. */
    static Order toDomain(OrderEntity root, List<LineItem> lines) {
        Money cost = root.getCostAmount() == null
                ? null
                : Money.of(root.getCostAmount(), Money.currency(root.getCurrency()));
        return Order.of(
                new OrderId(root.getId()),
                TenantId.of(root.getTenantId()),
                new CustomerId(root.getCustomerId()),
                root.getOrderedAt(),
                lines,
                cost,
                root.getChannel() == null ? null : Channel.valueOf(root.getChannel()),
                root.getOpportunityId() == null ? null : new OpportunityId(root.getOpportunityId()),
                root.getExternalId(),
                CustomerMapper.audit(root.getAudit()));
    }

    /**
     * The rows of one order, in the order they are inserted.
     *
     * @param root the order's row
     * @param lines a row per line, in order
     */
    record Rows(OrderEntity root, List<OrderLineEntity> lines) {}
}
