package org.crmkit.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.segment.CustomerActivity;
import org.crmkit.core.segment.RfmScore;
import org.crmkit.core.segment.SegmentRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does a segment rule decide membership in memory, and how much does it allocate per
 * customer? The in-memory evaluation is the reference every store's is checked against, and what
 * a host uses over customers it holds.
 *
 * <p>Data: {@code customers} (default 1,000,000) customers built directly (seed {@value #SEED}) with a
 * stage, 0–3 tags, an owner, an e-mail for half of them, and what they did: 0–8 orders over two
 * years, 0–4 interactions in the last 90 days, an RFM score for those with orders. {@link
 * #fiveConditions} evaluates {@value #RULE} over all of them and returns how many match; {@link
 * #parseAndPrint} reads and writes the rule text once. Mean time per operation; run with {@code
 * -prof gc} for the allocation per operation (divide by {@code customers} for the allocation per
 * customer):
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar SegmentRuleBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class SegmentRuleBenchmark {
    /** The seed of the customers. */
    public static final long SEED = 20_261_203L;
    /** The rule measured: five conditions on profile and behaviour. */
    public static final String RULE = "stage = customer and tag in (\"vip\", \"salon\") and has email"
            + " and days_since_last_order > 30 and orders(365) >= 2";

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Audit AUDIT = Audit.created(NOW.minusSeconds(86_400L * 800), Actor.system("benchmark"));
    private static final String[] TAGS = {"vip", "salon", "b2b", "newsletter", "wholesale"};
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.WHATSAPP, Channel.WEB_FORM};

    /** How many customers are evaluated. */
    @Param({"1000000"})
    public int customers;

    private Customer[] profiles;
    private CustomerActivity[] activities;
    private SegmentRule rule;

    /** Builds the customers and what they did, and parses the rule. */
    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(SEED);
        profiles = new Customer[customers];
        activities = new CustomerActivity[customers];
        LifecycleStage[] stages = LifecycleStage.values();
        for (int i = 0; i < customers; i++) {
            CustomerId id = new CustomerId(new UUID(random.nextLong(), random.nextLong()));
            List<Tag> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(new Tag(TAGS[random.nextInt(TAGS.length)]));
            }
            Customer.Builder b = Customer.builder(id, TENANT, CustomerName.person("Khách", "Hàng " + i), AUDIT)
                    .stage(stages[random.nextInt(stages.length)])
                    .tags(tags)
                    .owner(StaffId.of("rep-" + random.nextInt(50)));
            if (random.nextBoolean()) {
                b.contactPoints(List.of(ContactPoint.email("k" + i + "@example.vn")));
            }
            profiles[i] = b.build();
            List<CustomerActivity.OrderFact> orders = new ArrayList<>();
            for (int o = random.nextInt(9); o > 0; o--) {
                orders.add(new CustomerActivity.OrderFact(
                        NOW.minusSeconds(random.nextLong(730L * 86_400)),
                        Money.of(random.nextInt(500) + ".00", "EUR")));
            }
            List<CustomerActivity.ContactFact> contacts = new ArrayList<>();
            for (int c = random.nextInt(5); c > 0; c--) {
                contacts.add(new CustomerActivity.ContactFact(
                        NOW.minusSeconds(random.nextLong(90L * 86_400)),
                        CHANNELS[random.nextInt(CHANNELS.length)],
                        random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND));
            }
            Optional<RfmScore> rfm = orders.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new RfmScore(
                            id,
                            random.nextInt(730),
                            orders.size(),
                            Money.of("100", "EUR"),
                            1 + random.nextInt(5),
                            1 + random.nextInt(5),
                            1 + random.nextInt(5)));
            activities[i] = new CustomerActivity(orders, contacts, Set.of(), rfm, List.of());
        }
        rule = SegmentRule.parse(RULE);
    }

    /** Evaluates the five-condition rule over every customer; returns how many match. */
    @Benchmark
    public int fiveConditions() {
        int members = 0;
        for (int i = 0; i < profiles.length; i++) {
            if (rule.matches(profiles[i], activities[i], NOW)) {
                members++;
            }
        }
        return members;
    }

    /** Reads the rule text and writes it back: what a host's rule editor costs per keystroke. */
    @Benchmark
    public String parseAndPrint() {
        return SegmentRule.parse(RULE).toText();
    }
}
