package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.LineItem;

/**
 * The line items of opportunities and orders as rows of {@code crm_opportunity_line} and {@code
 * crm_order_line}, which have the same columns after their owner's key: the only place that knows
 * them. Amounts are written as {@link Money} scales them and read back into the same scale, so a
 * line reads back equal. Immutable and thread-safe.
 */
final class LineItemRows {
    /** The columns of a line row, aliased {@code l}, read by {@link #read}. */
    static final String COLUMNS = "l.seq, l.product, l.quantity, l.unit_price, l.currency, l.discount";

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final String table;
    private final String insertColumns;
    private final JdbcDialect dialect;
    private final TenantId tenant;

    /**
     * @param table {@code crm_opportunity_line} or {@code crm_order_line}
     * @param ownerColumn the column that names the line's opportunity or order
     */
    LineItemRows(String table, String ownerColumn, JdbcDialect dialect, TenantId tenant) {
        this.table = table;
        this.insertColumns =
                "tenant_id, " + ownerColumn + ", seq, product, quantity, unit_price, currency, discount, line_total";
        this.dialect = dialect;
        this.tenant = tenant;
    }

    /** A batch of line rows, to which {@link #add} adds. */
    RowBatch batch() {
        return new RowBatch(table, insertColumns, ROW, dialect);
    }

    /** Adds the rows of {@code lines} of the opportunity or order {@code owner}, in order, to {@code rows}. */
    void add(RowBatch rows, UUID owner, List<LineItem> lines) {
        for (int seq = 0; seq < lines.size(); seq++) {
            LineItem line = lines.get(seq);
            rows.add(
                    tenant.value(),
                    owner,
                    seq,
                    line.product(),
                    line.quantity(),
                    line.unitPrice().amount(),
                    line.unitPrice().currency().getCurrencyCode(),
                    line.discount(),
                    line.total().amount());
        }
    }

    /** Reads the line of a row selected with {@link #COLUMNS}. */
    static LineItem read(ResultSet rows) throws SQLException {
        return new LineItem(
                rows.getString("product"),
                rows.getBigDecimal("quantity"),
                money(rows.getBigDecimal("unit_price"), rows.getString("currency")),
                rows.getBigDecimal("discount"));
    }

    /** The amount of {@code currencyCode} read from a {@code NUMERIC(38, 4)} column. */
    static Money money(BigDecimal amount, String currencyCode) {
        return Money.of(amount, Currency.getInstance(currencyCode.strip()));
    }
}
