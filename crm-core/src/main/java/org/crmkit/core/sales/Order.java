package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TimeBounds;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * What a customer bought, once: when, which lines, the total, what it cost the tenant (for margin),
 * on which channel, and the opportunity it closed. Orders are the transaction log that sales
 * analysis, RFM and CLV read; they are recorded, never changed. An external id (the shop's or ERP's
 * order number) makes recording idempotent. Immutable.
 */
public final class Order {
    /** The most lines an order may have. */
    public static final int MAX_LINES = 500;

    private final OrderId id;
    private final TenantId tenant;
    private final CustomerId customer;
    private final Instant orderedAt;
    private final List<LineItem> lines;
    private final Money total;
    private final Money cost;
    private final Channel channel;
    private final OpportunityId opportunity;
    private final String externalId;
    private final Audit audit;

    private Order(
            OrderId id,
            TenantId tenant,
            CustomerId customer,
            Instant orderedAt,
            List<LineItem> lines,
            Money cost,
            Channel channel,
            OpportunityId opportunity,
            String externalId,
            Audit audit) {
        this.id = ValidationException.requireNonNull(id, "order.id");
        this.tenant = ValidationException.requireNonNull(tenant, "order.tenant");
        this.customer = ValidationException.requireNonNull(customer, "order.customer");
        this.orderedAt = TimeBounds.require(orderedAt, "order.orderedAt");
        this.lines = List.copyOf(ValidationException.requireNonNull(lines, "order.lines"));
        if (this.lines.isEmpty() || this.lines.size() > MAX_LINES) {
            throw new ValidationException(
                    "order.lines", "must hold 1 to " + MAX_LINES + " lines, held " + this.lines.size());
        }
        Money sum = null;
        for (int i = 0; i < this.lines.size(); i++) {
            LineItem line = ValidationException.requireNonNull(this.lines.get(i), "order.lines[" + i + "]");
            if (sum != null && !sum.currency().equals(line.unitPrice().currency())) {
                throw new ValidationException(
                        "order.lines[" + i + "]",
                        "is in " + line.unitPrice().currency() + ", the others in " + sum.currency());
            }
            sum = sum == null ? line.total() : sum.plus(line.total());
        }
        this.total = sum;
        if (cost != null && (!cost.currency().equals(total.currency()) || cost.isNegative())) {
            throw new ValidationException(
                    "order.cost", "must be a non-negative amount in " + total.currency() + ", was " + cost);
        }
        this.cost = cost;
        this.channel = channel;
        this.opportunity = opportunity;
        this.externalId =
                externalId == null ? null : ValidationException.requireText(externalId, "order.externalId", 255);
        this.audit = ValidationException.requireNonNull(audit, "order.audit");
    }

    /**
     * An order as recorded.
     *
     * @param cost what the order cost the tenant, in the lines' currency; null when unknown
     * @param channel where it was placed; null when unknown
     * @param opportunity the opportunity it closed; null for none
     * @param externalId the source system's order number; null for none
     * @throws ValidationException naming the first invalid field
     */
    public static Order of(
            OrderId id,
            TenantId tenant,
            CustomerId customer,
            Instant orderedAt,
            List<LineItem> lines,
            Money cost,
            Channel channel,
            OpportunityId opportunity,
            String externalId,
            Audit audit) {
        return new Order(id, tenant, customer, orderedAt, lines, cost, channel, opportunity, externalId, audit);
    }

    /** The order's id. */
    public OrderId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** The customer who bought. */
    public CustomerId customer() {
        return customer;
    }

    /** When it was placed. */
    public Instant orderedAt() {
        return orderedAt;
    }

    /** Its lines, in order. */
    public List<LineItem> lines() {
        return lines;
    }

    /** The sum of its lines. */
    public Money total() {
        return total;
    }

    /** What it cost the tenant. */
    public Optional<Money> cost() {
        return Optional.ofNullable(cost);
    }

    /** The total less the cost, when the cost is known. */
    public Optional<Money> margin() {
        return cost().map(total::minus);
    }

    /** Where it was placed. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    /** The opportunity it closed. */
    public Optional<OpportunityId> opportunity() {
        return Optional.ofNullable(opportunity);
    }

    /** The source system's order number, unique in the tenant. */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** When and by whom it was recorded. */
    public Audit audit() {
        return audit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order x
                && id.equals(x.id)
                && tenant.equals(x.tenant)
                && customer.equals(x.customer)
                && orderedAt.equals(x.orderedAt)
                && lines.equals(x.lines)
                && Objects.equals(cost, x.cost)
                && channel == x.channel
                && Objects.equals(opportunity, x.opportunity)
                && Objects.equals(externalId, x.externalId)
                && audit.equals(x.audit);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Order[" + id + " of " + customer + " at " + orderedAt + ", " + lines.size() + " lines, " + total + "]";
    }
}
