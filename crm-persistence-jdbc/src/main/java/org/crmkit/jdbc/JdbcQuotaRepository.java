package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;

/**
 * Thread-safe {@link QuotaRepository} over {@code crm_sales_quota} for one tenant: a put is one
 * upsert, so concurrent puts of the same quota never fail, the last one wins.
 */
final class JdbcQuotaRepository implements QuotaRepository {
    private static final Comparator<Quota> ORDER =
            Comparator.comparing(Quota::month).thenComparing(q -> q.owner().value());

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final String upsert;

    JdbcQuotaRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.upsert = dialect.upsertSql(
                "crm_sales_quota",
                List.of("tenant_id", "owner_id", "quota_month"),
                List.of("tenant_id", "owner_id", "quota_month", "amount", "currency"));
    }

    @Override
    public void put(Quota quota) {
        ValidationException.requireNonNull(quota, "quota");
        tx.write("setting the quota of " + quota.owner() + " for " + quota.month(), null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                Sql.bind(statement, 1, tenant.value(), dialect);
                Sql.bind(statement, 2, quota.owner().value(), dialect);
                Sql.bind(statement, 3, quota.month().atDay(1), dialect);
                Sql.bind(statement, 4, quota.amount().amount(), dialect);
                Sql.bind(statement, 5, quota.amount().currency().getCurrencyCode(), dialect);
                statement.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean remove(StaffId owner, YearMonth month) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(month, "month");
        Sql sql = new Sql()
                .append("DELETE FROM crm_sales_quota WHERE tenant_id = ")
                .value(tenant.value())
                .append(" AND owner_id = ")
                .value(owner.value())
                .append(" AND quota_month = ")
                .value(month.atDay(1));
        return tx.write("removing the quota of " + owner + " for " + month, null, connection -> {
            try (PreparedStatement statement = sql.prepare(connection, dialect)) {
                return statement.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<Quota> between(YearMonth from, YearMonth to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        Sql sql = new Sql()
                .append("SELECT q.owner_id, q.quota_month, q.amount, q.currency FROM crm_sales_quota q"
                        + " WHERE q.tenant_id = ")
                .value(tenant.value())
                .append(" AND q.quota_month >= ")
                .value(from.atDay(1))
                .append(" AND q.quota_month < ")
                .value(to.atDay(1));
        return tx.read("reading the quotas from " + from + " to " + to, connection -> {
            List<Quota> quotas = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    quotas.add(new Quota(
                            StaffId.of(rows.getString("owner_id")),
                            YearMonth.from(rows.getObject("quota_month", LocalDate.class)),
                            Money.of(rows.getBigDecimal("amount"), Money.currency(rows.getString("currency")))));
                }
            }
            quotas.sort(ORDER);
            return quotas;
        });
    }
}
