package org.crmkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Consent;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Network;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Tag;
import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.fixtures.Script;

/** Customers and stores for the adapter's own tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
    static final Actor ANNA = Actor.user("anna");

    private static final Map<String, JdbcCrmStore> STORES = new ConcurrentHashMap<>();
    private static final Map<String, HikariDataSource> POOLS = new ConcurrentHashMap<>();

    private Fixtures() {}

    /**
     * The migrated store of {@code database} over a small HikariCP pool, one per database for the
     * JVM; {@link #close} ends it.
     */
    static JdbcCrmStore store(TestDatabase database) {
        return STORES.computeIfAbsent(database.jdbcUrl(), url -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(database.user());
            config.setPassword(database.password());
            config.setMaximumPoolSize(10);
            config.setMinimumIdle(0);
            config.setPoolName("test-" + database.schema());
            HikariDataSource pool = new HikariDataSource(config);
            POOLS.put(url, pool);
            JdbcCrmStore store = JdbcCrmStore.create(pool);
            store.migrate();
            return store;
        });
    }

    /** Closes the pool of {@code database}'s store, before the extension drops the schema. */
    static void close(TestDatabase database) {
        STORES.remove(database.jdbcUrl());
        HikariDataSource pool = POOLS.remove(database.jdbcUrl());
        if (pool != null) {
            pool.close();
        }
    }

    /** A tenant no other test uses. */
    static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID());
    }

    /** A person with nothing but a name. */
    static Customer person(TenantId tenant, String given, String family) {
        return Customer.builder(
                        new CustomerId(UUID.randomUUID()),
                        tenant,
                        CustomerName.person(given, family),
                        Audit.created(T0, ANNA))
                .build();
    }

    /** An organisation with nothing but a name. */
    static Customer organization(TenantId tenant, String name) {
        return Customer.builder(
                        new CustomerId(UUID.randomUUID()),
                        tenant,
                        CustomerName.organization(name),
                        Audit.created(T0, ANNA))
                .build();
    }

    /** A person with something in every field. */
    static Customer richPerson(TenantId tenant) {
        return Customer.builder(
                        new CustomerId(UUID.randomUUID()),
                        tenant,
                        CustomerName.person("Thị Ngọc", "Đặng"),
                        new Audit(T0, ANNA, T0.plusSeconds(90).plusNanos(123_000), Actor.system("import")))
                .displayName("Ngọc 🌸")
                .contactPoints(List.of(
                        new ContactPoint.Email(EmailAddress.of("ngoc@example.vn"), "work", false),
                        new ContactPoint.Email(EmailAddress.of("ngoc.dang@example.com"), "", true),
                        new ContactPoint.Phone(PhoneNumber.of("+84 91 234 56 78"), "mobile", false),
                        new ContactPoint.Postal(
                                new PostalAddress(List.of("12 Phố Huế", "Tầng 3"), "Hà Nội", "", "100000", "VN"),
                                "home",
                                false),
                        new ContactPoint.Postal(PostalAddress.of("1 Main St", "", "", "us"), "", false),
                        new ContactPoint.Handle(Network.ZALO, "0912345678", "", false),
                        new ContactPoint.Handle(Network.FACEBOOK, "ngoc.dang", "private", true)))
                .birthday(LocalDate.of(1990, 2, 28))
                .preferredChannel(Channel.WHATSAPP)
                .preferredLanguage(Locale.forLanguageTag("vi-VN"))
                .consents(List.of(
                        new Consent(
                                Channel.EMAIL,
                                ConsentPurpose.MARKETING,
                                Consent.Status.GRANTED,
                                T0.plusNanos(1),
                                "web-form:newsletter"),
                        new Consent(Channel.SMS, ConsentPurpose.of("x-promo"), Consent.Status.WITHDRAWN, T0, "call")))
                .tags(List.of(Tag.of("VIP"), Tag.of("салон"), Tag.of("100%_off")))
                .attributes(Map.of(
                        "note", AttributeValue.of("‘quoted’ \"text\" \\ ; -- /* */ 🌸"),
                        "score", AttributeValue.of(new BigDecimal("12345678901234567890.123456789012345678")),
                        "tiny", AttributeValue.of(new BigDecimal("-0.000000000000000001")),
                        "big", AttributeValue.of(new BigDecimal("1E+20")),
                        "active", AttributeValue.of(true),
                        "since", AttributeValue.of(LocalDate.of(2001, 1, 1)),
                        "limit", AttributeValue.of(Money.of("1234.50", "EUR")),
                        "yen", AttributeValue.of(Money.of("1000", "JPY")),
                        "bhd", AttributeValue.of(Money.of("0.125", "BHD"))))
                .stage(LifecycleStage.CUSTOMER)
                .owner(StaffId.of("sales-1"))
                .archivedAt(T0.plusSeconds(3600))
                .build();
    }

    /**
     * {@code count} customers with names from every script of the testkit, some hostile to SQL,
     * tags, stages, owners, e-mails and archived ones, from a seeded random.
     */
    static List<Customer> population(TenantId tenant, long seed, int count) {
        Random random = new Random(seed);
        List<String> given = new ArrayList<>();
        List<String> family = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        for (Script script : Script.values()) {
            given.addAll(script.givenNames());
            family.addAll(script.familyNames());
            orgs.addAll(script.organizationNames());
        }
        given.addAll(HOSTILE);
        orgs.addAll(HOSTILE);
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Customer c = random.nextInt(4) == 0
                    ? organization(tenant, pick(random, orgs))
                    : person(tenant, pick(random, given), random.nextInt(6) == 0 ? "" : pick(random, family));
            Customer.Builder b = c.toBuilder();
            if (random.nextInt(5) == 0) {
                b.displayName(pick(random, HOSTILE) + " " + pick(random, given));
            }
            b.stage(LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)]);
            if (random.nextBoolean()) {
                b.owner(StaffId.of("rep-" + random.nextInt(3)));
            }
            b.tags(random.nextBoolean() ? List.of(Tag.of("vip")) : List.of(Tag.of("t" + random.nextInt(3))));
            b.contactPoints(List.of(ContactPoint.email("c" + random.nextInt(count) + "@example.com")));
            if (random.nextInt(7) == 0) {
                b.archivedAt(T0);
            }
            customers.add(b.build());
        }
        return customers;
    }

    /** Strings that would change an SQL statement or a LIKE pattern if they became SQL text. */
    static final List<String> HOSTILE = List.of(
            "O'Brien",
            "''; DROP TABLE crm_customer; --",
            "\\",
            "a\\b",
            "\\%",
            "100%",
            "%",
            "_",
            "a_b",
            "!",
            "!%",
            "[abc]",
            "x' OR '1'='1",
            "/* comment */",
            "-- dash",
            "#hash",
            ";",
            "\"quoted\"",
            "back`tick",
            "$1",
            "?",
            ":name",
            "\uE000 private",
            "\uFFFD replacement",
            "𠮷 beyond BMP",
            "😀 emoji");

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
