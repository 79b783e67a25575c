package org.crmkit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reads of {@link TimelineBenchmark} as an engineer would write them by hand against the JDBC
 * store's tables on PostgreSQL: one SQL statement each, mapped to plain Java records (no CRMKit
 * class), so that the benchmark can set the store's time against them.
 *
 * <ul>
 *   <li>{@link #timeline}: the newest interactions of a customer that no correction superseded,
 *       optionally on some channels, with all their participants and links. A keyset page from the
 *       timeline index, anti-joined to corrections through the unique index on {@code
 *       supersedes_id}, joined to the interactions' rows and to their participant rows (one result
 *       row per participant), the links folded into one text column per interaction by a sub-select
 *       that runs only for interactions with links. It fetches one interaction more than the page, as
 *       keyset paging must to know whether another page follows.
 *   <li>{@link #customer360}: the customer's row, and as JSON arrays from sub-selects in the same
 *       statement its contact points, tags, 20 latest interactions (as above, with participants and
 *       links), activity per channel and direction (superseded interactions left out), at most 50
 *       open requests (newest first) and 50 open tasks (earliest due first) with their reminders, at
 *       most 50 open opportunities with their lines and stage history, and the 10 latest orders
 *       with their lines.
 *       JSON is parsed with Jackson; the customer's attributes and consents are parsed to trees.
 * </ul>
 *
 * Immutable and thread-safe; the connection is the caller's.
 */
final class HandwrittenReads {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String INTERACTION_COLUMNS = "i.id, i.channel, i.direction, i.occurred_at,"
            + " i.duration_micros, i.staff_id, i.subject, i.summary, i.outcome, i.cost_amount, i.cost_currency,"
            + " i.external_id, i.supersedes_id, i.recorded_at, i.recorded_by_kind, i.recorded_by";
    private static final String NOT_SUPERSEDED = " AND NOT EXISTS (SELECT 1 FROM crm_interaction s"
            + " WHERE s.tenant_id = p.tenant_id AND s.supersedes_id = p.interaction_id)";
    private static final String NEWEST_FIRST = " ORDER BY p.occurred_at DESC, p.interaction_id DESC LIMIT ?";

    private static String timelineSql(boolean channels) {
        return "SELECT " + INTERACTION_COLUMNS + ", q.customer_id, q.role,"
                + " (SELECT string_agg(l.kind || ' ' || l.target_id, ' ' ORDER BY l.seq) FROM crm_interaction_link l"
                + " WHERE i.link_count > 0 AND l.tenant_id = i.tenant_id AND l.interaction_id = i.id) AS links"
                + " FROM (SELECT p.interaction_id, p.occurred_at FROM crm_interaction_participant p"
                + " WHERE p.tenant_id = ? AND p.customer_id = ?" + (channels ? " AND p.channel = ANY (?)" : "")
                + NOT_SUPERSEDED + NEWEST_FIRST + ") t"
                + " JOIN crm_interaction i ON i.tenant_id = ? AND i.id = t.interaction_id"
                + " JOIN crm_interaction_participant q ON q.tenant_id = i.tenant_id AND q.interaction_id = i.id"
                + " ORDER BY t.occurred_at DESC, t.interaction_id DESC, q.seq";
    }

    /** The hand-written timeline statement without a channel filter, for EXPLAIN and the Javadoc. */
    static final String TIMELINE = timelineSql(false);

    private static final String TIMELINE_ON_CHANNELS = timelineSql(true);

    /** The line items of {@code o} from table %1$s, keyed by column %3$s, as a JSON array. */
    private static final String LINES = " (SELECT json_agg(json_build_array(l.product, l.quantity, l.unit_price,"
            + " l.currency, l.discount) ORDER BY l.seq) FROM %1$s l"
            + " WHERE %2$s l.tenant_id = o.tenant_id AND l.%3$s = o.id)";

    /** The hand-written customer-360 statement. */
    static final String CUSTOMER_360 = "SELECT c.id, c.version, c.kind, c.given_name, c.family_name, c.legal_name,"
            + " c.display_name, c.birthday, c.preferred_channel, c.preferred_language, c.stage, c.owner_id,"
            + " c.archived_at, c.attributes, c.consents, c.created_at, c.created_by_kind, c.created_by,"
            + " c.updated_at, c.updated_by_kind, c.updated_by,"
            + " (SELECT json_agg(json_build_array(p.kind, p.contact_value, p.network, p.label, p.is_primary,"
            + " p.line1, p.line2, p.line3, p.line4, p.city, p.region, p.postal_code, p.country) ORDER BY p.seq)"
            + " FROM crm_contact_point p WHERE p.tenant_id = c.tenant_id AND p.customer_id = c.id) AS contacts,"
            + " (SELECT json_agg(t.tag ORDER BY t.tag) FROM crm_customer_tag t"
            + " WHERE t.tenant_id = c.tenant_id AND t.customer_id = c.id) AS tags,"
            + " (SELECT json_agg(json_build_array(" + INTERACTION_COLUMNS + ","
            + " (SELECT json_agg(json_build_array(q.customer_id, q.role) ORDER BY q.seq)"
            + " FROM crm_interaction_participant q WHERE q.tenant_id = i.tenant_id AND q.interaction_id = i.id),"
            + " (SELECT json_agg(json_build_array(l.kind, l.target_id) ORDER BY l.seq) FROM crm_interaction_link l"
            + " WHERE i.link_count > 0 AND l.tenant_id = i.tenant_id AND l.interaction_id = i.id))"
            + " ORDER BY r.occurred_at DESC, r.interaction_id DESC)"
            + " FROM (SELECT p.interaction_id, p.occurred_at FROM crm_interaction_participant p"
            + " WHERE p.tenant_id = c.tenant_id AND p.customer_id = c.id" + NOT_SUPERSEDED + NEWEST_FIRST + ") r"
            + " JOIN crm_interaction i ON i.tenant_id = c.tenant_id AND i.id = r.interaction_id) AS recent,"
            + " (SELECT json_agg(json_build_array(a.channel, a.direction, a.contacts, a.last_at))"
            + " FROM (SELECT p.channel, p.direction, count(*) AS contacts, max(p.occurred_at) AS last_at"
            + " FROM crm_interaction_participant p WHERE p.tenant_id = c.tenant_id AND p.customer_id = c.id"
            + NOT_SUPERSEDED + " GROUP BY p.channel, p.direction) a) AS activity,"
            + " (SELECT json_agg(json_build_array(r.id, r.version, r.channel, r.kind, r.priority, r.subject,"
            + " r.topic, r.opened_by, r.status, r.assignee, r.team, r.opened_at, r.first_response_due,"
            + " r.resolution_due, r.first_responded_at, r.resolved_at, r.closed_at, r.first_response_notified,"
            + " r.resolution_notified, r.created_at, r.created_by_kind, r.created_by, r.updated_at,"
            + " r.updated_by_kind, r.updated_by) ORDER BY r.opened_at DESC, r.id DESC)"
            + " FROM (SELECT * FROM crm_request r WHERE r.tenant_id = c.tenant_id AND r.customer_id = c.id"
            + " AND r.is_open ORDER BY r.opened_at DESC, r.id DESC LIMIT ?) r) AS open_requests,"
            + " (SELECT json_agg(json_build_array(t.id, t.version, t.kind, t.title, t.notes, t.due, t.assignee,"
            + " t.priority, t.status, t.opportunity_id, t.request_id, t.origin, t.completed_at, t.created_at,"
            + " t.created_by_kind, t.created_by, t.updated_at, t.updated_by_kind, t.updated_by,"
            + " (SELECT json_agg(json_build_array(m.seq, m.before_due_micros, m.remind_at, m.delivered)"
            + " ORDER BY m.seq) FROM crm_task_reminder m WHERE m.tenant_id = t.tenant_id AND m.task_id = t.id))"
            + " ORDER BY t.due, t.id)"
            + " FROM (SELECT * FROM crm_task t WHERE t.tenant_id = c.tenant_id AND t.customer_id = c.id"
            + " AND t.status = 'OPEN' ORDER BY t.due, t.id LIMIT ?) t) AS open_tasks,"
            + " (SELECT json_agg(json_build_array(o.id, o.version, o.owner_id, o.pipeline_id, o.name, o.amount,"
            + " o.currency, o.expected_close, o.stage_id, o.probability_override, o.forecast_category,"
            + " o.source_channel, o.source_campaign, o.status, o.close_reason, o.closed_at, o.created_at,"
            + " o.created_by_kind, o.created_by, o.updated_at, o.updated_by_kind, o.updated_by,"
            + LINES.formatted("crm_opportunity_line", "o.line_count > 0 AND", "opportunity_id") + ","
            + " (SELECT json_agg(json_build_array(h.stage_id, h.status, h.changed_at, h.changed_by_kind,"
            + " h.changed_by) ORDER BY h.seq) FROM crm_opportunity_stage_change h"
            + " WHERE h.tenant_id = o.tenant_id AND h.opportunity_id = o.id)) ORDER BY o.id)"
            + " FROM (SELECT * FROM crm_opportunity o WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id"
            + " AND o.status = 'OPEN' ORDER BY o.id LIMIT ?) o) AS open_opportunities,"
            + " (SELECT json_agg(json_build_array(o.id, o.ordered_at, o.total_amount, o.currency, o.cost_amount,"
            + " o.channel, o.opportunity_id, o.external_id, o.created_at, o.created_by_kind, o.created_by,"
            + " o.updated_at, o.updated_by_kind, o.updated_by,"
            + LINES.formatted("crm_order_line", "", "order_id") + ") ORDER BY o.ordered_at DESC, o.id DESC)"
            + " FROM (SELECT * FROM crm_order o WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id"
            + " ORDER BY o.ordered_at DESC, o.id DESC LIMIT ?) o) AS latest_orders"
            + " FROM crm_customer c WHERE c.tenant_id = ? AND c.id = ?";

    private HandwrittenReads() {}

    /**
     * The first page of {@code size} of {@code customer}'s timeline, on {@code channels} only unless
     * that is empty.
     */
    static TimelinePage timeline(Connection c, String tenant, UUID customer, List<String> channels, int size)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(channels.isEmpty() ? TIMELINE : TIMELINE_ON_CHANNELS)) {
            int p = 1;
            s.setString(p++, tenant);
            s.setObject(p++, customer);
            if (!channels.isEmpty()) {
                s.setArray(p++, c.createArrayOf("varchar", channels.toArray()));
            }
            s.setInt(p++, size + 1);
            s.setString(p, tenant);
            List<InteractionRow> rows = new ArrayList<>(size + 1);
            try (ResultSet r = s.executeQuery()) {
                InteractionRow current = null;
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (current == null || !current.id().equals(id)) {
                        current = new InteractionRow(
                                id,
                                r.getString(2),
                                r.getString(3),
                                instant(r, 4),
                                r.getLong(5),
                                r.getString(6),
                                r.getString(7),
                                r.getString(8),
                                r.getString(9),
                                r.getBigDecimal(10),
                                r.getString(11),
                                r.getString(12),
                                r.getObject(13, UUID.class),
                                instant(r, 14),
                                r.getString(15),
                                r.getString(16),
                                new ArrayList<>(2),
                                links(r.getString(19)));
                        rows.add(current);
                    }
                    current.participants().add(new ParticipantRow(r.getObject(17, UUID.class), r.getString(18)));
                }
            }
            boolean more = rows.size() > size;
            return new TimelinePage(more ? rows.subList(0, size) : rows, more);
        }
    }

    /** The customer-360 picture of {@code customer} with {@code recent} interactions and at most {@code openLimit} open requests and tasks; null when the tenant has no such customer. */
    static Customer360Row customer360(
            Connection c, String tenant, UUID customer, int recent, int openLimit, int latestOrders)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CUSTOMER_360)) {
            s.setInt(1, recent);
            s.setInt(2, openLimit);
            s.setInt(3, openLimit);
            s.setInt(4, openLimit);
            s.setInt(5, latestOrders);
            s.setString(6, tenant);
            s.setObject(7, customer);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                CustomerRow profile = new CustomerRow(
                        r.getObject(1, UUID.class),
                        r.getLong(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getObject(8, LocalDate.class),
                        r.getString(9),
                        r.getString(10),
                        r.getString(11),
                        r.getString(12),
                        instant(r, 13),
                        json(r.getString(14)),
                        json(r.getString(15)),
                        instant(r, 16),
                        r.getString(17),
                        r.getString(18),
                        instant(r, 19),
                        r.getString(20),
                        r.getString(21),
                        contacts(json(r.getString(22))),
                        tags(json(r.getString(23))));
                return new Customer360Row(
                        profile,
                        interactions(json(r.getString(24))),
                        activity(json(r.getString(25))),
                        requests(json(r.getString(26))),
                        tasks(json(r.getString(27))),
                        opportunities(json(r.getString(28))),
                        orders(json(r.getString(29))));
            }
        }
    }

    // ---- plain rows ------------------------------------------------------------------------------

    /** A page of a timeline, and whether another follows. */
    record TimelinePage(List<InteractionRow> rows, boolean hasMore) {}

    /** An interaction's row with its participants and links, in their order. */
    record InteractionRow(
            UUID id,
            String channel,
            String direction,
            Instant occurredAt,
            long durationMicros,
            String staff,
            String subject,
            String summary,
            String outcome,
            BigDecimal costAmount,
            String costCurrency,
            String externalId,
            UUID supersedes,
            Instant recordedAt,
            String recordedByKind,
            String recordedBy,
            List<ParticipantRow> participants,
            List<LinkRow> links) {}

    /** A participant of an interaction. */
    record ParticipantRow(UUID customer, String role) {}

    /** A link of an interaction. */
    record LinkRow(String kind, UUID target) {}

    /** A customer's row with its contact points and tags. */
    record CustomerRow(
            UUID id,
            long version,
            String kind,
            String givenName,
            String familyName,
            String legalName,
            String displayName,
            LocalDate birthday,
            String preferredChannel,
            String preferredLanguage,
            String stage,
            String owner,
            Instant archivedAt,
            JsonNode attributes,
            JsonNode consents,
            Instant createdAt,
            String createdByKind,
            String createdBy,
            Instant updatedAt,
            String updatedByKind,
            String updatedBy,
            List<ContactRow> contacts,
            List<String> tags) {}

    /** A contact point of a customer. */
    record ContactRow(
            String kind,
            String value,
            String network,
            String label,
            boolean primary,
            String line1,
            String line2,
            String line3,
            String line4,
            String city,
            String region,
            String postalCode,
            String country) {}

    /** How many interactions a customer had on one channel in one direction, and the latest. */
    record ActivityRow(String channel, String direction, long contacts, Instant lastAt) {}

    /** A request's row. */
    record RequestRow(
            UUID id,
            long version,
            String channel,
            String kind,
            String priority,
            String subject,
            String topic,
            UUID openedBy,
            String status,
            String assignee,
            String team,
            Instant openedAt,
            Instant firstResponseDue,
            Instant resolutionDue,
            Instant firstRespondedAt,
            Instant resolvedAt,
            Instant closedAt,
            boolean firstResponseNotified,
            boolean resolutionNotified,
            Instant createdAt,
            String createdByKind,
            String createdBy,
            Instant updatedAt,
            String updatedByKind,
            String updatedBy) {}

    /** A task's row with its reminders. */
    record TaskRow(
            UUID id,
            long version,
            String kind,
            String title,
            String notes,
            Instant due,
            String assignee,
            String priority,
            String status,
            UUID opportunity,
            UUID request,
            String origin,
            Instant completedAt,
            Instant createdAt,
            String createdByKind,
            String createdBy,
            Instant updatedAt,
            String updatedByKind,
            String updatedBy,
            List<ReminderRow> reminders) {}

    /** A reminder of a task. */
    record ReminderRow(int seq, long beforeDueMicros, Instant remindAt, boolean delivered) {}

    /** What {@link #customer360} reads. */
    record Customer360Row(
            CustomerRow customer,
            List<InteractionRow> recent,
            List<ActivityRow> activity,
            List<RequestRow> openRequests,
            List<TaskRow> openTasks,
            List<OpportunityRow> openOpportunities,
            List<OrderRow> latestOrders) {}

    /** A line item of an opportunity or an order. */
    record LineRow(String product, BigDecimal quantity, BigDecimal unitPrice, String currency, BigDecimal discount) {}

    /** A step of an opportunity's stage history. */
    record StageChangeRow(UUID stage, String status, Instant changedAt, String changedByKind, String changedBy) {}

    /** An opportunity's row with its lines and stage history. */
    record OpportunityRow(
            UUID id,
            long version,
            String owner,
            UUID pipeline,
            String name,
            BigDecimal amount,
            String currency,
            LocalDate expectedClose,
            UUID stage,
            Integer probabilityOverride,
            String forecastCategory,
            String sourceChannel,
            UUID sourceCampaign,
            String status,
            String closeReason,
            Instant closedAt,
            Instant createdAt,
            String createdByKind,
            String createdBy,
            Instant updatedAt,
            String updatedByKind,
            String updatedBy,
            List<LineRow> lines,
            List<StageChangeRow> history) {}

    /** An order's row with its lines. */
    record OrderRow(
            UUID id,
            Instant orderedAt,
            BigDecimal total,
            String currency,
            BigDecimal cost,
            String channel,
            UUID opportunity,
            String externalId,
            Instant createdAt,
            String createdByKind,
            String createdBy,
            Instant updatedAt,
            String updatedByKind,
            String updatedBy,
            List<LineRow> lines) {}

    // ---- mapping ---------------------------------------------------------------------------------

    private static List<LinkRow> links(String folded) {
        if (folded == null) {
            return List.of();
        }
        String[] parts = folded.split(" ");
        List<LinkRow> links = new ArrayList<>(parts.length / 2);
        for (int i = 0; i + 1 < parts.length; i += 2) {
            links.add(new LinkRow(parts[i], UUID.fromString(parts[i + 1])));
        }
        return links;
    }

    private static List<ContactRow> contacts(JsonNode array) {
        List<ContactRow> contacts = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            contacts.add(new ContactRow(
                    text(a, 0),
                    text(a, 1),
                    text(a, 2),
                    text(a, 3),
                    a.get(4).booleanValue(),
                    text(a, 5),
                    text(a, 6),
                    text(a, 7),
                    text(a, 8),
                    text(a, 9),
                    text(a, 10),
                    text(a, 11),
                    text(a, 12)));
        }
        return contacts;
    }

    private static List<String> tags(JsonNode array) {
        List<String> tags = new ArrayList<>(array.size());
        for (JsonNode tag : array) {
            tags.add(tag.textValue());
        }
        return tags;
    }

    private static List<InteractionRow> interactions(JsonNode array) {
        List<InteractionRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            List<ParticipantRow> participants = new ArrayList<>(2);
            for (JsonNode p : a.get(16)) {
                participants.add(new ParticipantRow(uuid(p, 0), text(p, 1)));
            }
            List<LinkRow> links = new ArrayList<>(0);
            for (JsonNode l : a.get(17)) { // a JSON null iterates as empty
                links.add(new LinkRow(text(l, 0), uuid(l, 1)));
            }
            rows.add(new InteractionRow(
                    uuid(a, 0),
                    text(a, 1),
                    text(a, 2),
                    instant(a, 3),
                    a.get(4).longValue(),
                    text(a, 5),
                    text(a, 6),
                    text(a, 7),
                    text(a, 8),
                    a.get(9).isNull() ? null : a.get(9).decimalValue(),
                    text(a, 10),
                    text(a, 11),
                    uuid(a, 12),
                    instant(a, 13),
                    text(a, 14),
                    text(a, 15),
                    participants,
                    links));
        }
        return rows;
    }

    private static List<ActivityRow> activity(JsonNode array) {
        List<ActivityRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            rows.add(new ActivityRow(text(a, 0), text(a, 1), a.get(2).longValue(), instant(a, 3)));
        }
        return rows;
    }

    private static List<RequestRow> requests(JsonNode array) {
        List<RequestRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            rows.add(new RequestRow(
                    uuid(a, 0),
                    a.get(1).longValue(),
                    text(a, 2),
                    text(a, 3),
                    text(a, 4),
                    text(a, 5),
                    text(a, 6),
                    uuid(a, 7),
                    text(a, 8),
                    text(a, 9),
                    text(a, 10),
                    instant(a, 11),
                    instant(a, 12),
                    instant(a, 13),
                    instant(a, 14),
                    instant(a, 15),
                    instant(a, 16),
                    a.get(17).booleanValue(),
                    a.get(18).booleanValue(),
                    instant(a, 19),
                    text(a, 20),
                    text(a, 21),
                    instant(a, 22),
                    text(a, 23),
                    text(a, 24)));
        }
        return rows;
    }

    private static List<TaskRow> tasks(JsonNode array) {
        List<TaskRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            List<ReminderRow> reminders = new ArrayList<>(2);
            for (JsonNode m : a.get(19)) {
                reminders.add(new ReminderRow(
                        m.get(0).intValue(),
                        m.get(1).longValue(),
                        instant(m, 2),
                        m.get(3).booleanValue()));
            }
            rows.add(new TaskRow(
                    uuid(a, 0),
                    a.get(1).longValue(),
                    text(a, 2),
                    text(a, 3),
                    text(a, 4),
                    instant(a, 5),
                    text(a, 6),
                    text(a, 7),
                    text(a, 8),
                    uuid(a, 9),
                    uuid(a, 10),
                    text(a, 11),
                    instant(a, 12),
                    instant(a, 13),
                    text(a, 14),
                    text(a, 15),
                    instant(a, 16),
                    text(a, 17),
                    text(a, 18),
                    reminders));
        }
        return rows;
    }

    private static List<OpportunityRow> opportunities(JsonNode array) {
        List<OpportunityRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            List<StageChangeRow> history = new ArrayList<>(a.get(23).size());
            for (JsonNode h : a.get(23)) {
                history.add(new StageChangeRow(uuid(h, 0), text(h, 1), instant(h, 2), text(h, 3), text(h, 4)));
            }
            rows.add(new OpportunityRow(
                    uuid(a, 0),
                    a.get(1).longValue(),
                    text(a, 2),
                    uuid(a, 3),
                    text(a, 4),
                    a.get(5).decimalValue(),
                    text(a, 6),
                    LocalDate.parse(text(a, 7)),
                    uuid(a, 8),
                    a.get(9).isNull() ? null : a.get(9).intValue(),
                    text(a, 10),
                    text(a, 11),
                    uuid(a, 12),
                    text(a, 13),
                    text(a, 14),
                    instant(a, 15),
                    instant(a, 16),
                    text(a, 17),
                    text(a, 18),
                    instant(a, 19),
                    text(a, 20),
                    text(a, 21),
                    lines(a.get(22)),
                    history));
        }
        return rows;
    }

    private static List<OrderRow> orders(JsonNode array) {
        List<OrderRow> rows = new ArrayList<>(array.size());
        for (JsonNode a : array) {
            rows.add(new OrderRow(
                    uuid(a, 0),
                    instant(a, 1),
                    a.get(2).decimalValue(),
                    text(a, 3),
                    a.get(4).isNull() ? null : a.get(4).decimalValue(),
                    text(a, 5),
                    uuid(a, 6),
                    text(a, 7),
                    instant(a, 8),
                    text(a, 9),
                    text(a, 10),
                    instant(a, 11),
                    text(a, 12),
                    text(a, 13),
                    lines(a.get(14))));
        }
        return rows;
    }

    private static List<LineRow> lines(JsonNode array) {
        List<LineRow> lines = new ArrayList<>(array.size());
        for (JsonNode l : array) { // a JSON null iterates as empty
            lines.add(new LineRow(
                    text(l, 0),
                    l.get(1).decimalValue(),
                    l.get(2).decimalValue(),
                    text(l, 3),
                    l.get(4).decimalValue()));
        }
        return lines;
    }

    private static JsonNode json(String text) throws SQLException {
        if (text == null) {
            return JSON.nullNode(); // json_agg of no rows; iterates as empty
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON from PostgreSQL", e);
        }
    }

    private static String text(JsonNode array, int i) {
        JsonNode node = array.get(i);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static UUID uuid(JsonNode array, int i) {
        String text = text(array, i);
        return text == null ? null : UUID.fromString(text);
    }

    private static Instant instant(JsonNode array, int i) {
        String text = text(array, i);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
