package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.segment.RfmQuery;
import org.crmkit.core.segment.SegmentMembers;
import org.crmkit.core.segment.SegmentRule;

/**
 * The {@link SegmentMembers} of {@link JdbcCrmStore}: a rule compiled to one parameterised query
 * over {@code crm_customer}, each condition a predicate on the customer row, an {@code EXISTS} or a
 * correlated aggregate over the tables it reads (orders, the uncorrected interactions of the
 * customer's participant rows, open opportunities with their stage names, relationships to the
 * organisation row the inner rule is compiled against, RFM scores as {@link JdbcRfmScores} computes
 * them). Every value of the rule is a bound parameter; no text of it becomes SQL. Each predicate is
 * two-valued (a customer without orders fails {@code days_since_last_order > 90} and passes its
 * {@code not}), as the in-memory evaluation decides. Conditions on custom attributes and consent,
 * which the store keeps as JSON documents, are not compiled: a rule with one is evaluated by {@link
 * SegmentMembers#scanning}. Thread-safe.
 */
final class JdbcSegmentMembers implements SegmentMembers {
    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final SegmentMembers scanning;
    private final JdbcRfmScores rfm;

    JdbcSegmentMembers(Transactor tx, JdbcDialect dialect, TenantId tenant, SegmentMembers scanning) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.scanning = scanning;
        this.rfm = new JdbcRfmScores(tx, dialect, tenant);
    }

    @Override
    public Page<CustomerId> members(SegmentRule rule, Instant now, Currency currency, PageRequest page) {
        ValidationException.requireNonNull(rule, "rule");
        ValidationException.requireNonNull(now, "now");
        ValidationException.requireNonNull(currency, "currency");
        ValidationException.requireNonNull(page, "page");
        if (!compiles(rule)) {
            return scanning.members(rule, now, currency, page);
        }
        Optional<UUID> after = IdCursor.start(page);
        Sql sql = new Sql()
                .append("SELECT c0.id FROM crm_customer c0 WHERE c0.tenant_id = ")
                .value(tenant.value())
                .append(" AND c0.archived_at IS NULL AND ");
        new Compiler(sql, now, currency).rule(rule, 0);
        after.ifPresent(id -> sql.append(" AND c0.id > ").value(id));
        sql.append(" ORDER BY c0.id LIMIT ").value(page.size() + 1);
        List<CustomerId> members = tx.read("selecting the members of a segment", connection -> {
            List<CustomerId> ids = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(new CustomerId(dialect.getUuid(rows, "id")));
                }
            }
            return ids;
        });
        return IdCursor.page(members, page.size(), CustomerId::value);
    }

    /** Whether every condition of {@code rule} compiles to SQL. */
    static boolean compiles(SegmentRule rule) {
        if (rule instanceof SegmentRule.All all) {
            return all.rules().stream().allMatch(JdbcSegmentMembers::compiles);
        }
        if (rule instanceof SegmentRule.Any any) {
            return any.rules().stream().allMatch(JdbcSegmentMembers::compiles);
        }
        if (rule instanceof SegmentRule.Not not) {
            return compiles(not.rule());
        }
        if (rule instanceof SegmentRule.ContactOf c) {
            return compiles(c.organisation());
        }
        return !(rule instanceof SegmentRule.AttributeIs || rule instanceof SegmentRule.Consented);
    }

    /** Appends the predicates of one rule; {@code c<depth>} is the customer row it is about. */
    private final class Compiler {
        private final Sql sql;
        private final Instant now;
        private final Currency currency;

        Compiler(Sql sql, Instant now, Currency currency) {
            this.sql = sql;
            this.now = now;
            this.currency = currency;
        }

        void rule(SegmentRule rule, int depth) {
            String c = "c" + depth;
            if (rule instanceof SegmentRule.All all) {
                join(all.rules(), " AND ", depth);
            } else if (rule instanceof SegmentRule.Any any) {
                join(any.rules(), " OR ", depth);
            } else if (rule instanceof SegmentRule.Not not) {
                sql.append("NOT (");
                rule(not.rule(), depth);
                sql.append(")");
            } else if (rule instanceof SegmentRule.StageIn s) {
                sql.append(c + ".stage IN (");
                list(s.stages().stream().map(LifecycleStage::name).sorted().toList());
                sql.append(")");
            } else if (rule instanceof SegmentRule.Tagged t) {
                sql.append("EXISTS (SELECT 1 FROM crm_customer_tag t WHERE t.tenant_id = " + c + ".tenant_id"
                        + " AND t.customer_id = " + c + ".id AND t.tag IN (");
                list(t.tags().stream().map(Tag::value).sorted().toList());
                sql.append("))");
            } else if (rule instanceof SegmentRule.OwnedBy o) {
                if (o.owner().isPresent()) {
                    sql.append(c + ".owner_id = ").value(o.owner().get().value());
                } else {
                    sql.append(c + ".owner_id IS NULL");
                }
            } else if (rule instanceof SegmentRule.HasContact h) {
                sql.append("EXISTS (SELECT 1 FROM crm_contact_point k WHERE k.tenant_id = " + c + ".tenant_id"
                                + " AND k.customer_id = " + c + ".id AND k.kind = ")
                        .value(h.kind().name())
                        .append(")");
            } else if (rule instanceof SegmentRule.DaysSince d) {
                daysSince(d, c);
            } else if (rule instanceof SegmentRule.OrderCount o) {
                sql.append("(SELECT COUNT(*) FROM crm_order o WHERE o.tenant_id = " + c + ".tenant_id"
                                + " AND o.customer_id = " + c + ".id AND o.ordered_at >= ")
                        .value(now.minus(Duration.ofDays(o.withinDays())))
                        .append(" AND o.ordered_at < ")
                        .value(now)
                        .append(") " + o.comparison().symbol().replace("!=", "<>") + " ")
                        .value(o.count());
            } else if (rule instanceof SegmentRule.Revenue r) {
                sql.append("COALESCE((SELECT SUM(o.total_amount) FROM crm_order o WHERE o.tenant_id = " + c
                                + ".tenant_id AND o.customer_id = " + c + ".id AND o.currency = ")
                        .value(r.currency().getCurrencyCode())
                        .append(" AND o.ordered_at >= ")
                        .value(now.minus(Duration.ofDays(r.withinDays())))
                        .append(" AND o.ordered_at < ")
                        .value(now)
                        .append("), 0) " + r.comparison().symbol().replace("!=", "<>") + " ")
                        .value(r.amount());
            } else if (rule instanceof SegmentRule.RfmAtLeast r) {
                sql.append("EXISTS (SELECT 1 FROM ");
                rfm.scored(sql, RfmQuery.asOf(now, currency));
                sql.append(" WHERE s.customer_id = " + c + ".id AND s.r >= ")
                        .value(r.recency())
                        .append(" AND s.f >= ")
                        .value(r.frequency())
                        .append(" AND s.m >= ")
                        .value(r.monetary())
                        .append(")");
            } else if (rule instanceof SegmentRule.OpenOpportunityIn o) {
                sql.append("EXISTS (SELECT 1 FROM crm_opportunity y JOIN crm_pipeline_stage ps"
                                + " ON ps.tenant_id = y.tenant_id AND ps.pipeline_id = y.pipeline_id"
                                + " AND ps.stage_id = y.stage_id WHERE y.tenant_id = " + c + ".tenant_id"
                                + " AND y.customer_id = " + c + ".id AND y.status = ")
                        .value(OpportunityStatus.OPEN.name())
                        .append(" AND ps.name = ")
                        .value(o.stage())
                        .append(")");
            } else if (rule instanceof SegmentRule.Inbound i) {
                sql.append("EXISTS (SELECT 1 " + uncorrected(c) + " AND p.channel = ")
                        .value(i.channel().name())
                        .append(" AND p.direction = ")
                        .value(Direction.INBOUND.name())
                        .append(" AND p.occurred_at >= ")
                        .value(now.minus(Duration.ofDays(i.withinDays())))
                        .append(" AND p.occurred_at < ")
                        .value(now)
                        .append(")");
            } else if (rule instanceof SegmentRule.ContactOf co) {
                String org = "c" + (depth + 1);
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                sql.append("EXISTS (SELECT 1 FROM crm_relationship r" + depth + " JOIN crm_customer " + org
                                + " ON " + org + ".tenant_id = r" + depth + ".tenant_id AND " + org + ".id = r" + depth
                                + ".to_id WHERE r" + depth + ".tenant_id = " + c + ".tenant_id AND r" + depth
                                + ".from_id = " + c + ".id AND r" + depth + ".role_code IN (")
                        .value(RelationshipRole.CONTACT_OF.code())
                        .append(", ")
                        .value(RelationshipRole.EMPLOYEE_OF.code())
                        .append(") AND (r" + depth + ".valid_from IS NULL OR r" + depth + ".valid_from <= ")
                        .value(today)
                        .append(") AND (r" + depth + ".valid_to IS NULL OR r" + depth + ".valid_to >= ")
                        .value(today)
                        .append(") AND ");
                rule(co.organisation(), depth + 1);
                sql.append(")");
            } else {
                throw new IllegalStateException("not compiled: " + rule);
            }
        }

        private void join(List<SegmentRule> rules, String operator, int depth) {
            sql.append("(");
            for (int i = 0; i < rules.size(); i++) {
                sql.append(i == 0 ? "" : operator);
                rule(rules.get(i), depth);
            }
            sql.append(")");
        }

        private void list(List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").value(values.get(i));
            }
        }

        /**
         * The days since the last order or interaction before now, compared: whole days of at least
         * {@code d} mean a last one at or before {@code now − d days}, so each comparison is a range of
         * the latest instant, and a customer with none has no latest and fails it.
         */
        private void daysSince(SegmentRule.DaysSince d, String c) {
            Instant atLeast = now.minus(Duration.ofDays(d.days())); // days >= d  <=>  latest <= atLeast
            Instant atLeastNext = now.minus(Duration.ofDays(d.days() + 1)); // days >= d + 1
            sql.append("(CASE WHEN ");
            switch (d.comparison()) {
                case AT_LEAST -> latest(d, c).append(" <= ").value(atLeast);
                case GREATER -> latest(d, c).append(" <= ").value(atLeastNext);
                case AT_MOST -> latest(d, c).append(" > ").value(atLeastNext);
                case LESS -> latest(d, c).append(" > ").value(atLeast);
                case EQUAL -> {
                    latest(d, c).append(" <= ").value(atLeast).append(" AND ");
                    latest(d, c).append(" > ").value(atLeastNext);
                }
                case NOT_EQUAL -> {
                    latest(d, c).append(" > ").value(atLeast).append(" OR ");
                    latest(d, c).append(" <= ").value(atLeastNext);
                }
            }
            sql.append(" THEN 1 ELSE 0 END) = 1");
        }

        /** Appends the instant of the customer's last order or interaction before now; NULL when none. */
        private Sql latest(SegmentRule.DaysSince d, String c) {
            sql.append(
                    d.last() == SegmentRule.LastActivity.ORDER
                            ? "(SELECT MAX(o.ordered_at) FROM crm_order o WHERE o.tenant_id = " + c + ".tenant_id"
                                    + " AND o.customer_id = " + c + ".id AND o.ordered_at < "
                            : "(SELECT MAX(p.occurred_at) " + uncorrected(c) + " AND p.occurred_at < ");
            return sql.value(now).append(")");
        }

        /** {@code FROM} the customer's participant rows whose interaction no correction supersedes {@code WHERE …}. */
        private String uncorrected(String c) {
            return "FROM crm_interaction_participant p LEFT JOIN crm_interaction s"
                    + " ON s.tenant_id = p.tenant_id AND s.supersedes_id = p.interaction_id"
                    + " WHERE p.tenant_id = " + c + ".tenant_id AND p.customer_id = " + c + ".id"
                    + " AND s.supersedes_id IS NULL";
        }
    }
}
