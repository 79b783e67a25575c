package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;

/**
 * What a host knows about an order; {@link SalesService#recordOrder} validates it. A mutable builder,
 * not thread-safe:
 *
 * <pre>{@code
 * sales.recordOrder(OrderDraft.of(customerId, placedAt).line(LineItem.of("SKU-1", "2", Money.of("9.90", "EUR")))
 *         .cost(Money.of("11.00", "EUR")).channel(Channel.WEB_FORM).externalId("shop:100234"));
 * }</pre>
 */
public final class OrderDraft {
    final CustomerId customer;
    final Instant orderedAt;
    final List<LineItem> lines = new ArrayList<>();
    Money cost;
    Channel channel;
    OpportunityId opportunity;
    String externalId;

    private OrderDraft(CustomerId customer, Instant orderedAt) {
        this.customer = customer;
        this.orderedAt = orderedAt;
    }

    /** An order {@code customer} placed at {@code orderedAt}. */
    public static OrderDraft of(CustomerId customer, Instant orderedAt) {
        return new OrderDraft(customer, orderedAt);
    }

    /** Adds a line. */
    public OrderDraft line(LineItem line) {
        lines.add(line);
        return this;
    }

    /** What the order cost the tenant, in the lines' currency. */
    public OrderDraft cost(Money cost) {
        this.cost = cost;
        return this;
    }

    /** Where it was placed. */
    public OrderDraft channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    /** The opportunity it closed, which must be an opportunity of the tenant. */
    public OrderDraft opportunity(OpportunityId opportunity) {
        this.opportunity = opportunity;
        return this;
    }

    /** The source system's order number: recording it again records nothing. */
    public OrderDraft externalId(String externalId) {
        this.externalId = externalId;
        return this;
    }
}
