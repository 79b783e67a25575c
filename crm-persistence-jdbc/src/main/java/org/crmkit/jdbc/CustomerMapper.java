package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.Network;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Tag;

/**
 * Maps customers to the rows of {@code crm_customer}, {@code crm_contact_point},
 * {@code crm_customer_tag} and {@code crm_customer_name_key}, and rows back to customers. The only
 * place that knows the columns. Immutable and thread-safe.
 */
final class CustomerMapper {
    /** The columns a customer's own row is read from. */
    static final String COLUMNS = "c.id, c.version, c.kind, c.given_name, c.family_name, c.legal_name, c.display_name,"
            + " c.birthday, c.preferred_channel, c.preferred_language, c.stage, c.owner_id, c.archived_at,"
            + " c.attributes, c.consents, c.created_at, c.created_by_kind, c.created_by, c.updated_at,"
            + " c.updated_by_kind, c.updated_by";

    /** The columns written from a customer, in binding order, after tenant and id. */
    private static final List<String> DATA_COLUMNS = List.of(
            "version",
            "kind",
            "given_name",
            "family_name",
            "legal_name",
            "display_name",
            "sort_key",
            "birthday",
            "preferred_channel",
            "preferred_language",
            "stage",
            "owner_id",
            "archived_at",
            "attributes",
            "consents",
            "created_at",
            "created_by_kind",
            "created_by",
            "updated_at",
            "updated_by_kind",
            "updated_by");

    private static final Set<String> JSON_COLUMNS = Set.of("attributes", "consents");

    private static final String CONTACT_COLUMNS = "tenant_id, customer_id, seq, kind, contact_value, network,"
            + " label, is_primary, line1, line2, line3, line4, city, region, postal_code, country";
    private static final String CONTACT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TAG_COLUMNS = "tenant_id, customer_id, tag";
    private static final String TAG_ROW = "(?, ?, ?)";
    private static final String NAME_KEY_COLUMNS = "tenant_id, customer_id, seq, name_key, full_key";
    private static final String NAME_KEY_ROW = "(?, ?, ?, ?, ?)";

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final String customerRow;
    private final String insertSkippingTaken;
    private final String update;

    CustomerMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.customerRow =
                "(?, ?, " + DATA_COLUMNS.stream().map(this::placeholder).collect(Collectors.joining(", ")) + ")";
        this.insertSkippingTaken = "INSERT INTO crm_customer (" + customerColumns() + ") VALUES " + customerRow
                + dialect.onConflictDoNothing();
        this.update = "UPDATE crm_customer SET "
                + DATA_COLUMNS.stream().map(c -> c + " = " + placeholder(c)).collect(Collectors.joining(", "))
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    private static String customerColumns() {
        return "tenant_id, id, " + String.join(", ", DATA_COLUMNS);
    }

    private String placeholder(String column) {
        return JSON_COLUMNS.contains(column) ? dialect.jsonParameter() : "?";
    }

    /**
     * The INSERT of one customer's row that, where the dialect can say so (PostgreSQL), skips a row
     * whose id is taken (0 rows) rather than failing and aborting the transaction.
     */
    String insertSql() {
        return insertSkippingTaken;
    }

    /** The UPDATE of a customer's row at an expected version. */
    String updateSql() {
        return update;
    }

    /**
     * The customer as the store keeps it at {@code version}: instants cut to whole microseconds,
     * which is what every supported database stores.
     */
    static Customer stored(Customer customer, long version) {
        Audit audit = customer.audit();
        Audit cut =
                new Audit(micros(audit.createdAt()), audit.createdBy(), micros(audit.updatedAt()), audit.updatedBy());
        Instant archivedAt = customer.archivedAt().orElse(null);
        if (cut.equals(audit) && (archivedAt == null || archivedAt.equals(micros(archivedAt)))) {
            return customer.withVersion(version);
        }
        return customer.toBuilder()
                .audit(cut)
                .archivedAt(archivedAt == null ? null : micros(archivedAt))
                .version(version)
                .build();
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds tenant, id and the data columns of {@code stored} for {@link #insertSql}. */
    void bindInsert(PreparedStatement statement, Customer stored) throws SQLException {
        statement.setString(1, tenant.value());
        dialect.setUuid(statement, 2, stored.id().value());
        bind(statement, 3, data(stored));
    }

    /** Binds the data columns of {@code stored} and the key for {@link #updateSql}. */
    void bindUpdate(PreparedStatement statement, Customer stored, long expectedVersion) throws SQLException {
        Object[] data = data(stored);
        bind(statement, 1, data);
        int next = data.length + 1;
        statement.setString(next, tenant.value());
        dialect.setUuid(statement, next + 1, stored.id().value());
        statement.setLong(next + 2, expectedVersion);
    }

    /** A batch of customer rows, to which {@link #addCustomerRow} adds. */
    RowBatch customerRows() {
        return new RowBatch("crm_customer", customerColumns(), customerRow, dialect);
    }

    /** Adds the row of {@code stored} to {@code rows}. */
    void addCustomerRow(RowBatch rows, Customer stored) {
        Object[] data = data(stored);
        Object[] row = new Object[data.length + 2];
        row[0] = tenant.value();
        row[1] = stored.id().value();
        System.arraycopy(data, 0, row, 2, data.length);
        rows.add(row);
    }

    private void bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Sql.bind(statement, first + i, values[i], dialect);
        }
    }

    /** The values of {@link #DATA_COLUMNS} for {@code c}, in order. */
    private static Object[] data(Customer c) {
        CustomerName name = c.name();
        String given = name instanceof CustomerName.PersonName p ? p.givenName() : null;
        String family = name instanceof CustomerName.PersonName p ? p.familyName() : null;
        String legal = name instanceof CustomerName.OrganizationName o ? o.legalName() : null;
        return new Object[] {
            c.version(),
            c.kind().name(),
            text(given),
            text(family),
            text(legal),
            c.displayName(),
            Keys.sortKey(NameSearch.sortKey(c)),
            c.birthday().<Object>map(d -> d).orElse(Sql.NULL_DATE),
            text(c.preferredChannel().map(Channel::name).orElse(null)),
            text(c.preferredLanguage().map(Locale::toLanguageTag).orElse(null)),
            c.stage().name(),
            text(c.owner().map(StaffId::value).orElse(null)),
            c.archivedAt().<Object>map(a -> a).orElse(Sql.NULL_INSTANT),
            JsonCodec.writeAttributes(c.attributes()),
            JsonCodec.writeConsents(c.consents()),
            c.audit().createdAt(),
            c.audit().createdBy().kind().name(),
            c.audit().createdBy().id(),
            c.audit().updatedAt(),
            c.audit().updatedBy().kind().name(),
            c.audit().updatedBy().id()
        };
    }

    private static Object text(String value) {
        return value == null ? Sql.NULL_TEXT : value;
    }

    /** A batch of contact point rows, to which {@link #addContactRows} adds. */
    RowBatch contactRows() {
        return new RowBatch("crm_contact_point", CONTACT_COLUMNS, CONTACT_ROW, dialect);
    }

    /** Adds the contact point rows of {@code customer} to {@code rows}. */
    void addContactRows(RowBatch rows, Customer customer) {
        List<ContactPoint> points = customer.contactPoints();
        for (int seq = 0; seq < points.size(); seq++) {
            ContactPoint point = points.get(seq);
            String value = null;
            String network = null;
            List<String> lines = List.of();
            String city = null;
            String region = null;
            String postalCode = null;
            String country = null;
            if (point instanceof ContactPoint.Email email) {
                value = email.address().value();
            } else if (point instanceof ContactPoint.Phone phone) {
                value = phone.number().value();
            } else if (point instanceof ContactPoint.Handle handle) {
                value = handle.handle();
                network = handle.network().name();
            } else if (point instanceof ContactPoint.Postal postal) {
                PostalAddress address = postal.address();
                lines = address.lines();
                city = address.city();
                region = address.region();
                postalCode = address.postalCode();
                country = address.country();
            } else {
                throw new IllegalStateException("unknown contact point " + point);
            }
            rows.add(
                    tenant.value(),
                    customer.id().value(),
                    seq,
                    point.kind().name(),
                    text(value),
                    text(network),
                    point.label(),
                    point.primary(),
                    text(lines.size() > 0 ? lines.get(0) : null),
                    text(lines.size() > 1 ? lines.get(1) : null),
                    text(lines.size() > 2 ? lines.get(2) : null),
                    text(lines.size() > 3 ? lines.get(3) : null),
                    text(city),
                    text(region),
                    text(postalCode),
                    text(country));
        }
    }

    /** A batch of tag rows, to which {@link #addTagRows} adds. */
    RowBatch tagRows() {
        return new RowBatch("crm_customer_tag", TAG_COLUMNS, TAG_ROW, dialect);
    }

    /** Adds the tag rows of {@code customer} to {@code rows}. */
    void addTagRows(RowBatch rows, Customer customer) {
        for (Tag tag : customer.tags()) {
            rows.add(tenant.value(), customer.id().value(), tag.value());
        }
    }

    /** A batch of name key rows, to which {@link #addNameKeyRows} adds. */
    RowBatch nameKeyRows() {
        return new RowBatch("crm_customer_name_key", NAME_KEY_COLUMNS, NAME_KEY_ROW, dialect);
    }

    /** Adds the name key rows of {@code customer} to {@code rows}. */
    void addNameKeyRows(RowBatch rows, Customer customer) {
        int seq = 0;
        for (String key : NameSearch.keys(customer)) {
            rows.add(
                    tenant.value(),
                    customer.id().value(),
                    seq++,
                    Keys.truncate(key, Keys.NAME_KEY_CODE_POINTS),
                    text(Keys.isLongNameKey(key) ? key : null));
        }
    }

    /** Reads a customer's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        UUID id = dialect.getUuid(rows, "id");
        CustomerName name = switch (CustomerKind.valueOf(rows.getString("kind"))) {
            case PERSON -> CustomerName.person(rows.getString("given_name"), rows.getString("family_name"));
            case ORGANIZATION -> CustomerName.organization(rows.getString("legal_name"));
        };
        String channel = rows.getString("preferred_channel");
        String language = rows.getString("preferred_language");
        String owner = rows.getString("owner_id");
        return new Head(
                id,
                rows.getLong("version"),
                name,
                rows.getString("display_name"),
                rows.getObject("birthday", LocalDate.class),
                channel == null ? null : Channel.valueOf(channel),
                language == null ? null : Locale.forLanguageTag(language),
                LifecycleStage.valueOf(rows.getString("stage")),
                owner == null ? null : StaffId.of(owner),
                dialect.getInstant(rows, "archived_at"),
                rows.getString("attributes"),
                rows.getString("consents"),
                new Audit(
                        dialect.getInstant(rows, "created_at"),
                        new Actor(Actor.Kind.valueOf(rows.getString("created_by_kind")), rows.getString("created_by")),
                        dialect.getInstant(rows, "updated_at"),
                        new Actor(
                                Actor.Kind.valueOf(rows.getString("updated_by_kind")), rows.getString("updated_by"))));
    }

    /**
     * Reads one contact point of a row that joined {@code crm_contact_point} (aliased {@code p}), or
     * null when the row has none.
     */
    static ContactPoint readContact(ResultSet rows) throws SQLException {
        String kind = rows.getString("cp_kind");
        if (kind == null) {
            return null;
        }
        String value = rows.getString("contact_value");
        String label = rows.getString("label");
        boolean primary = rows.getBoolean("is_primary");
        return switch (ContactKind.valueOf(kind)) {
            case EMAIL -> new ContactPoint.Email(EmailAddress.of(value), label, primary);
            case PHONE -> new ContactPoint.Phone(new PhoneNumber(value), label, primary);
            case MESSENGER, SOCIAL ->
                new ContactPoint.Handle(Network.valueOf(rows.getString("network")), value, label, primary);
            case POSTAL -> {
                List<String> lines = new ArrayList<>(4);
                for (int line = 1; line <= 4; line++) {
                    String text = rows.getString("line" + line);
                    if (text != null) {
                        lines.add(text);
                    }
                }
                yield new ContactPoint.Postal(
                        new PostalAddress(
                                lines,
                                rows.getString("city"),
                                rows.getString("region"),
                                rows.getString("postal_code"),
                                rows.getString("country")),
                        label,
                        primary);
            }
        };
    }

    /** Builds the customer of {@code head} with its contact points (in order) and tags. */
    Customer assemble(Head head, List<ContactPoint> contactPoints, Collection<Tag> tags) {
        return Customer.builder(new CustomerId(head.id()), tenant, head.name(), head.audit())
                .displayName(head.displayName())
                .contactPoints(contactPoints)
                .birthday(head.birthday())
                .preferredChannel(head.preferredChannel())
                .preferredLanguage(head.preferredLanguage())
                .consents(JsonCodec.readConsents(head.consentsJson()))
                .tags(tags)
                .attributes(JsonCodec.readAttributes(head.attributesJson()))
                .stage(head.stage())
                .owner(head.owner())
                .archivedAt(head.archivedAt())
                .version(head.version())
                .build();
    }

    /** The values of a customer's own row, before its contact points and tags are joined to it. */
    record Head(
            UUID id,
            long version,
            CustomerName name,
            String displayName,
            LocalDate birthday,
            Channel preferredChannel,
            Locale preferredLanguage,
            LifecycleStage stage,
            StaffId owner,
            Instant archivedAt,
            String attributesJson,
            String consentsJson,
            Audit audit) {}
}
