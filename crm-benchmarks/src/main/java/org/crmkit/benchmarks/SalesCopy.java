package org.crmkit.benchmarks;

import static org.crmkit.benchmarks.TableCopy.escape;
import static org.crmkit.benchmarks.TableCopy.text;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.StageChange;

/**
 * Loads generated opportunities and orders into the JDBC store's sales tables on PostgreSQL with
 * {@code COPY} ({@link TableCopy}): 5M orders in minutes, where {@code recordOrders} would take the
 * better part of an hour. The rows are those {@code JdbcOpportunityRepository} and {@code
 * JdbcOrderRepository} write (see {@code OpportunityMapper}, {@code OrderMapper}, {@code
 * LineItemRows} and migrations {@code V5__sales.sql} and {@code V8__predicted_probability.sql}):
 * amounts as {@code Money} scales them, a line's {@code line_total} as {@code LineItem.total()}
 * rounds it, an order's {@code total_amount} the sum of those, an opportunity's {@code amount} its
 * own or its lines', the line count beside them, actors as kind ({@code USER}/{@code SYSTEM}) and
 * id, the stage history one row per entry in order. The five tables are copied one after the other,
 * each from its own pass over the generator, with their keys and indexes dropped meanwhile. Not
 * instantiable.
 */
final class SalesCopy {
    private static final List<String> TABLES = List.of(
            "crm_opportunity", "crm_opportunity_line", "crm_opportunity_stage_change", "crm_order", "crm_order_line");
    private static final String OPPORTUNITY_COPY = "COPY crm_opportunity (tenant_id, id, version, customer_id,"
            + " owner_id, pipeline_id, name, amount, currency, line_count, expected_close, stage_id,"
            + " probability_override, predicted_probability, forecast_category, source_channel, source_campaign,"
            + " status, close_reason, closed_at, created_at, created_by_kind, created_by, updated_at,"
            + " updated_by_kind, updated_by) FROM STDIN";
    private static final String OPPORTUNITY_LINE_COPY = "COPY crm_opportunity_line (tenant_id, opportunity_id, seq,"
            + " product, quantity, unit_price, currency, discount, line_total) FROM STDIN";
    private static final String HISTORY_COPY = "COPY crm_opportunity_stage_change (tenant_id, opportunity_id, seq,"
            + " stage_id, status, changed_at, changed_by_kind, changed_by) FROM STDIN";
    private static final String ORDER_COPY = "COPY crm_order (tenant_id, id, customer_id, ordered_at, total_amount,"
            + " currency, cost_amount, channel, opportunity_id, external_id, line_count, created_at,"
            + " created_by_kind, created_by, updated_at, updated_by_kind, updated_by) FROM STDIN";
    private static final String ORDER_LINE_COPY = "COPY crm_order_line (tenant_id, order_id, seq, product, quantity,"
            + " unit_price, currency, discount, line_total) FROM STDIN";

    private SalesCopy() {}

    /**
     * Copies every opportunity and order of {@code sales}, all of {@code tenantId}, into the tables,
     * which should be empty, in one connection of {@code db}; prints what took how long.
     */
    static void load(BenchmarkDatabase db, TenantId tenantId, SalesDataGenerator sales) throws SQLException {
        long start = System.nanoTime();
        String tenant = escape(tenantId.value());
        int opportunities = sales.opportunities();
        int orders = sales.orders();
        TableCopy.load(
                db,
                TABLES,
                List.of(
                        new TableCopy.Step(
                                "crm_opportunity",
                                OPPORTUNITY_COPY,
                                opportunities,
                                (k, line) -> opportunityRow(tenant, sales.opportunity(k), line)),
                        new TableCopy.Step("crm_opportunity_line", OPPORTUNITY_LINE_COPY, opportunities, (k, line) -> {
                            Opportunity o = sales.opportunity(k);
                            return lineRows(tenant, o.id().value().toString(), o.lines(), line);
                        }),
                        new TableCopy.Step(
                                "crm_opportunity_stage_change",
                                HISTORY_COPY,
                                opportunities,
                                (k, line) -> historyRows(tenant, sales.opportunity(k), line)),
                        new TableCopy.Step(
                                "crm_order", ORDER_COPY, orders, (k, line) -> orderRow(tenant, sales.order(k), line)),
                        new TableCopy.Step("crm_order_line", ORDER_LINE_COPY, orders, (k, line) -> {
                            Order o = sales.order(k);
                            return lineRows(tenant, o.id().value().toString(), o.lines(), line);
                        })));
        System.out.printf(
                Locale.ROOT,
                "# loaded %,d opportunities and %,d orders in %.0f s%n",
                opportunities,
                orders,
                TableCopy.seconds(start));
    }

    /** One {@code crm_opportunity} line. */
    private static long opportunityRow(String tenant, Opportunity o, StringBuilder line) {
        line.append(tenant).append('\t');
        line.append(o.id().value()).append('\t');
        line.append(o.version()).append('\t');
        line.append(o.customer().value()).append('\t');
        text(line, o.owner().value()).append('\t');
        line.append(o.pipeline().value()).append('\t');
        text(line, o.name()).append('\t');
        line.append(o.amount().amount().toPlainString()).append('\t');
        line.append(o.amount().currency().getCurrencyCode()).append('\t');
        line.append(o.lines().size()).append('\t');
        line.append(o.expectedClose()).append('\t');
        line.append(o.stage().value()).append('\t');
        percent(line, o.probabilityOverride()).append('\t');
        percent(line, o.predictedProbability()).append('\t');
        line.append(o.forecastCategory().name()).append('\t');
        text(line, o.sourceChannel().map(Channel::name).orElse(null)).append('\t');
        text(line, o.sourceCampaign().map(Object::toString).orElse(null)).append('\t');
        line.append(o.status().name()).append('\t');
        text(line, o.closeReason().orElse(null)).append('\t');
        text(line, o.closedAt().map(Object::toString).orElse(null)).append('\t');
        audit(line, o.audit()).append('\n');
        return 1;
    }

    /** The {@code crm_opportunity_stage_change} lines of {@code o}, one per history entry in order. */
    private static long historyRows(String tenant, Opportunity o, StringBuilder line) {
        List<StageChange> history = o.history();
        for (int seq = 0; seq < history.size(); seq++) {
            StageChange c = history.get(seq);
            line.append(tenant).append('\t');
            line.append(o.id().value()).append('\t');
            line.append(seq).append('\t');
            line.append(c.stage().value()).append('\t');
            line.append(c.status().name()).append('\t');
            line.append(c.at()).append('\t');
            line.append(c.by().kind().name()).append('\t');
            text(line, c.by().id()).append('\n');
        }
        return history.size();
    }

    /** One {@code crm_order} line. */
    private static long orderRow(String tenant, Order o, StringBuilder line) {
        Money cost = o.cost().orElse(null);
        line.append(tenant).append('\t');
        line.append(o.id().value()).append('\t');
        line.append(o.customer().value()).append('\t');
        line.append(o.orderedAt()).append('\t');
        line.append(o.total().amount().toPlainString()).append('\t');
        line.append(o.total().currency().getCurrencyCode()).append('\t');
        text(line, cost == null ? null : cost.amount().toPlainString()).append('\t');
        text(line, o.channel().map(Channel::name).orElse(null)).append('\t');
        text(line, o.opportunity().map(id -> id.value().toString()).orElse(null))
                .append('\t');
        text(line, o.externalId().orElse(null)).append('\t');
        line.append(o.lines().size()).append('\t');
        audit(line, o.audit()).append('\n');
        return 1;
    }

    /** The line rows of the opportunity or order {@code owner}, in order. */
    private static long lineRows(String tenant, String owner, List<LineItem> lines, StringBuilder line) {
        for (int seq = 0; seq < lines.size(); seq++) {
            LineItem l = lines.get(seq);
            line.append(tenant).append('\t');
            line.append(owner).append('\t');
            line.append(seq).append('\t');
            text(line, l.product()).append('\t');
            line.append(l.quantity().toPlainString()).append('\t');
            line.append(l.unitPrice().amount().toPlainString()).append('\t');
            line.append(l.unitPrice().currency().getCurrencyCode()).append('\t');
            line.append(l.discount().toPlainString()).append('\t');
            line.append(l.total().amount().toPlainString()).append('\n');
        }
        return lines.size();
    }

    private static StringBuilder percent(StringBuilder line, OptionalInt percent) {
        return percent.isPresent() ? line.append(percent.getAsInt()) : line.append("\\N");
    }

    /** The six audit columns: created at, kind, by; updated at, kind, by. */
    private static StringBuilder audit(StringBuilder line, Audit a) {
        line.append(a.createdAt()).append('\t');
        line.append(a.createdBy().kind().name()).append('\t');
        text(line, a.createdBy().id()).append('\t');
        line.append(a.updatedAt()).append('\t');
        line.append(a.updatedBy().kind().name()).append('\t');
        return text(line, a.updatedBy().id());
    }
}
