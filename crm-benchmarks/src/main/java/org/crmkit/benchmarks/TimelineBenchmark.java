package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.report.Customer360;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityDraft;
import org.crmkit.core.sales.OrderDraft;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestDraft;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskDraft;
import org.crmkit.core.task.TaskKind;
import org.crmkit.jdbc.JdbcCrmStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long do a timeline page of 50 and the customer-360 call take for a customer with 10,000
 * interactions among 10M, through the JDBC store on PostgreSQL, against the one SQL statement an
 * engineer would write by hand for the same rows, measured in the same run (the aim: within 1.5×)?
 *
 * <p>Data: one tenant of {@code customers} (default 100,000) customers from {@link
 * CustomerDataGenerator} (seed {@value #CUSTOMER_SEED}), stored through {@code saveAll}, and a history of
 * {@code interactions} (default 10,000,000) interactions from {@link InteractionDataGenerator} (seed
 * {@value #SEED}): {@code heavy} (default 100) heavy customers with {@value #PER_HEAVY} interactions
 * each, the rest spread over the other customers by a log-normal weight; mixed channels and
 * directions over five years, 7.5% with a second participant, 5.5% with links, 0.2% corrections. The
 * history is loaded with PostgreSQL {@code COPY} into the JDBC store's tables ({@link
 * InteractionCopy}: 8 minutes for 10M on a busy 2-core machine), then each heavy customer gets
 * three open and one resolved request, three open tasks (with reminders) and one done, three open
 * opportunities and a won one, and twelve orders, through the services. It lives in the schema {@code crmkit_bench_timeline} of the benchmark server (see
 * {@link BenchmarkDatabase}; other sizes in {@code crmkit_bench_timeline_<customers>_<interactions>_<heavy>})
 * with a row saying what it holds; later runs find it and reuse it. Setup checks that the store
 * reads loaded interactions back exactly as generated, and that each hand-written statement returns
 * the same interactions, requests and tasks as the store.
 *
 * <p>Each operation reads for a uniformly random heavy customer:
 *
 * <ul>
 *   <li>{@link #timelinePage}: {@code interactions().timeline(customer, TimelineQuery.all(),
 *       PageRequest.first(50))}; {@link #timelinePageSql}: {@link HandwrittenReads#timeline}.
 *   <li>{@link #timelinePageOnChannels}: the same for phone and WhatsApp only (about a third of the
 *       timeline); {@link #timelinePageOnChannelsSql}: its hand-written statement.
 *   <li>{@link #customer360}: {@code scope.customer360(customer)} (profile, 20 latest interactions,
 *       activity per channel over all 10,000, open requests, open tasks, open opportunities, latest
 *       orders); {@link #customer360Sql}:
 *       {@link HandwrittenReads#customer360}, one statement with JSON sub-selects.
 * </ul>
 *
 * Only the JDBC store: the JPA store keeps its data in other tables ({@code crmkit_*}), which this
 * loader does not fill. JMH's sample mode reports p50 and p99 per operation. Run, after {@code mvn
 * -pl crm-benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar TimelineBenchmark
 * </pre>
 *
 * A quick check at small scale: {@code -p customers=2000 -p interactions=100000 -p heavy=5 -wi 1 -i 1}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Timeout(time = 1, timeUnit = TimeUnit.HOURS) // JMH runs the trial's setup, and so the load, in the first iteration
@State(Scope.Benchmark)
public class TimelineBenchmark {
    /** The seed of the interaction history. */
    public static final long SEED = 20_250_105L;
    /** The seed of the customers, as in the other store benchmarks. */
    public static final long CUSTOMER_SEED = 20_240_611L;
    /** How many interactions each heavy customer has. */
    public static final int PER_HEAVY = 10_000;
    /** How many interactions a timeline page holds. */
    public static final int PAGE = 50;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Actor ACTOR = Actor.user("benchmark");
    private static final Set<Channel> CHANNELS = Set.of(Channel.PHONE, Channel.WHATSAPP);
    private static final List<String> CHANNEL_NAMES =
            CHANNELS.stream().map(Channel::name).sorted().toList();

    /** How many customers the tenant holds. */
    @Param({"100000"})
    public int customers;

    /** How many interactions the tenant's history holds. */
    @Param({"10000000"})
    public int interactions;

    /** How many heavy customers, of {@value #PER_HEAVY} interactions each, the history has. */
    @Param({"100"})
    public int heavy;

    /** The store under test: {@code jdbc}. */
    @Param({"jdbc"})
    public String store;

    private BenchmarkDatabase db;
    private Crm crm;
    private CustomerId[] heavyIds;

    /** Loads the data if the schema does not hold it yet, and checks the store and the baselines agree. */
    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        if (!store.equals("jdbc")) {
            throw new IllegalArgumentException("no store " + store + " in this benchmark; only jdbc");
        }
        boolean defaults = customers == 100_000 && interactions == 10_000_000 && heavy == 100;
        String schema = "crmkit_bench_timeline" + (defaults ? "" : "_" + customers + "_" + interactions + "_" + heavy);
        String holds = String.format(
                Locale.ROOT,
                "customers=%d seed=%d interactions=%d heavy=%dx%d seed=%d work=3+1/3+1 sales=3+1/12 v2",
                customers,
                CUSTOMER_SEED,
                interactions,
                heavy,
                PER_HEAVY,
                SEED);
        db = BenchmarkDatabase.open("postgresql", schema, false);
        InteractionDataGenerator history;
        if (StoredSchema.holds(db).equals(holds) && StoredSchema.migrates(db)) {
            history = history(BenchmarkCustomers.ids(db, TENANT));
        } else {
            db.close();
            db = BenchmarkDatabase.open("postgresql", schema, true);
            history = fill(holds);
        }
        crm = Crm.builder().store(JdbcCrmStore.create(db.dataSource())).build();
        heavyIds = history.heavyCustomers().toArray(CustomerId[]::new);
        checkLoaded(history);
        checkBaselines(heavyIds[0]);
        System.out.printf(
                Locale.ROOT,
                "%n# %s, %,d customers, %,d interactions (%d corrections), %d heavy customers%n",
                db,
                customers,
                history.size(),
                history.corrections(),
                heavyIds.length);
    }

    private InteractionDataGenerator history(List<CustomerId> ids) {
        return InteractionDataGenerator.history(SEED, TENANT, ids, interactions, heavy, PER_HEAVY);
    }

    /** Fills the fresh schema: customers, interactions, open work; then writes what it holds. */
    private InteractionDataGenerator fill(String holds) throws SQLException {
        long start = System.nanoTime();
        JdbcCrmStore jdbc = JdbcCrmStore.create(db.dataSource());
        jdbc.migrate();
        BenchmarkCustomers.fill(db, jdbc, TENANT, customers, CUSTOMER_SEED);
        InteractionDataGenerator history = history(BenchmarkCustomers.ids(db, TENANT));
        InteractionCopy.load(db, TENANT, history);
        CrmScope scope = Crm.builder().store(jdbc).build().forTenant(TENANT).as(ACTOR);
        SplittableRandom random = new SplittableRandom(SEED);
        Pipeline pipeline = scope.sales()
                .createPipeline(PipelineDraft.named("Wholesale")
                        .stage("Qualify", 10)
                        .stage("Proposal", 40, ForecastCategory.BEST_CASE)
                        .stage("Negotiation", 70, ForecastCategory.COMMIT));
        for (CustomerId customer : history.heavyCustomers()) {
            openWork(scope, customer, random);
            sales(scope, pipeline, customer, random);
        }
        db.analyze();
        StoredSchema.mark(db, holds);
        System.out.printf(Locale.ROOT, "%n# filled %s in %.0f s%n", db, (System.nanoTime() - start) / 1e9);
        return history;
    }

    /** Three open requests and a resolved one, three open tasks and a done one. */
    private static void openWork(CrmScope scope, CustomerId customer, SplittableRandom random) {
        String[] subjects = {"Invoice 2024-11 disputed", "Delivery damaged", "Change of address", "Need a quote"};
        Priority[] priorities = Priority.values();
        for (int i = 0; i < 4; i++) {
            Request r = scope.requests()
                    .open(RequestDraft.of(customer, subjects[i])
                            .channel(i % 2 == 0 ? Channel.EMAIL : Channel.PHONE)
                            .kind(
                                    i == 1
                                            ? RequestKind.values()[random.nextInt(RequestKind.values().length)]
                                            : RequestKind.QUESTION)
                            .priority(priorities[random.nextInt(priorities.length)]));
            if (i == 3) {
                scope.requests().resolve(r.id());
            }
        }
        Instant now = Instant.now();
        TaskKind[] kinds = {TaskKind.CALL_BACK, TaskKind.SEND_OFFER, TaskKind.FOLLOW_UP, TaskKind.VISIT};
        for (int i = 0; i < 4; i++) {
            Task t = scope.tasks()
                    .create(TaskDraft.of(
                                    kinds[i],
                                    "Follow up " + (i + 1),
                                    now.plus(Duration.ofHours(4 + 24L * i + random.nextInt(12))),
                                    StaffId.of("agent-" + (1 + random.nextInt(200))))
                            .customer(customer)
                            .remindBefore(Duration.ofHours(1))
                            .remindBefore(Duration.ofMinutes(10)));
            if (i == 3) {
                scope.tasks().complete(t.id());
            }
        }
    }

    /**
     * Three open opportunities of two lines each (one moved twice) and a won one, and twelve orders of
     * two lines each, of which the picture holds the latest ten.
     */
    private static void sales(CrmScope scope, Pipeline pipeline, CustomerId customer, SplittableRandom random) {
        SalesService sales = scope.sales();
        for (int i = 0; i < 4; i++) {
            Opportunity o = sales.createOpportunity(OpportunityDraft.of(
                            customer, pipeline.id(), "Deal " + (i + 1), LocalDate.of(2027, 1 + random.nextInt(12), 15))
                    .owner(StaffId.of("rep-" + (1 + random.nextInt(20))))
                    .line(LineItem.of(
                                    "SKU-" + random.nextInt(500),
                                    "" + (1 + random.nextInt(40)),
                                    Money.of("125.50", "EUR"))
                            .discounted("0.1"))
                    .line(LineItem.of(
                            "SKU-" + random.nextInt(500), "" + (1 + random.nextInt(12)), Money.of("48", "EUR"))));
            if (i >= 2) {
                sales.moveToStage(o.id(), pipeline.stages().get(1).id());
                sales.moveToStage(o.id(), pipeline.stages().get(2).id());
            }
            if (i == 3) {
                sales.win(o.id(), "relationship");
            }
        }
        Instant first = Instant.parse("2025-01-06T09:00:00Z");
        for (int i = 0; i < 12; i++) {
            sales.recordOrder(OrderDraft.of(customer, first.plus(Duration.ofDays(30L * i + random.nextInt(20))))
                    .line(LineItem.of(
                            "SKU-" + random.nextInt(500), "" + (1 + random.nextInt(40)), Money.of("12.90", "EUR")))
                    .line(LineItem.of("SKU-" + random.nextInt(500), "1", Money.of("249", "EUR")))
                    .cost(Money.of("150", "EUR"))
                    .channel(Channel.WEB_FORM));
        }
    }

    /**
     * Checks that the tenant holds as many interactions as generated and that the store reads a few
     * of them (the first, the last, one with two participants and links, a correction) back equal to
     * what the generator made.
     */
    private void checkLoaded(InteractionDataGenerator history) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM crm_interaction WHERE tenant_id = ?")) {
            s.setString(1, TENANT.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) != history.size()) {
                    throw new IllegalStateException("the schema holds " + r.getLong(1) + " interactions, not "
                            + history.size() + "; drop it to load again");
                }
            }
        }
        List<Integer> positions = new ArrayList<>(List.of(0, history.size() - 1));
        for (int k = 0; k < history.size(); k++) {
            Interaction i = history.interaction(k);
            if (i.participants().size() > 1 && !i.links().isEmpty()) {
                positions.add(k);
                break;
            }
        }
        if (history.corrections() > 0) {
            positions.add(history.correctionPosition(history.corrections() / 2));
        }
        var service = crm.forTenant(TENANT).as(ACTOR).interactions();
        for (int k : positions) {
            Interaction expected = history.interaction(k);
            Interaction read = service.get(expected.id());
            if (!read.equals(expected)) {
                throw new IllegalStateException("interaction " + k + " reads back as " + describe(read)
                        + ", generated as " + describe(expected));
            }
        }
    }

    private static String describe(Interaction i) {
        return i + " " + i.duration() + " " + i.staff() + " " + i.subject() + " " + i.summary() + " " + i.outcome()
                + " " + i.cost() + " " + i.participants() + " " + i.links() + " " + i.externalId() + " "
                + i.supersedes() + " " + i.recordedAt() + " " + i.recordedBy();
    }

    /** Checks that the hand-written statements return what the store returns, for {@code customer}. */
    private void checkBaselines(CustomerId customer) throws SQLException {
        CrmScope scope = crm.forTenant(TENANT).as(ACTOR);
        for (boolean filtered : new boolean[] {false, true}) {
            TimelineQuery query = filtered ? TimelineQuery.all().withChannels(CHANNELS) : TimelineQuery.all();
            Page<Interaction> page = scope.interactions().timeline(customer, query, PageRequest.first(PAGE));
            HandwrittenReads.TimelinePage rows;
            try (Connection c = db.dataSource().getConnection()) {
                rows = HandwrittenReads.timeline(
                        c, TENANT.value(), customer.value(), filtered ? CHANNEL_NAMES : List.of(), PAGE);
            }
            same("timeline" + (filtered ? " on " + CHANNEL_NAMES : ""), page.items(), rows.rows());
            if (page.hasNext() != rows.hasMore()) {
                throw new IllegalStateException("the store and the SQL disagree whether another page follows");
            }
        }
        Customer360 picture = scope.customer360(customer);
        HandwrittenReads.Customer360Row row;
        try (Connection c = db.dataSource().getConnection()) {
            row = HandwrittenReads.customer360(
                    c, TENANT.value(), customer.value(), 20, Customer360.OPEN_WORK_LIMIT, Customer360.LATEST_ORDERS);
        }
        same("customer 360 interactions", picture.recentInteractions(), row.recent());
        Map<Channel, long[]> activity = new EnumMap<>(Channel.class);
        for (HandwrittenReads.ActivityRow a : row.activity()) {
            long[] n = activity.computeIfAbsent(Channel.valueOf(a.channel()), x -> new long[2]);
            n[Direction.valueOf(a.direction()) == Direction.INBOUND ? 0 : 1] += a.contacts();
        }
        Map<Channel, long[]> stored = new EnumMap<>(Channel.class);
        for (ChannelActivity a : picture.activity()) {
            stored.put(a.channel(), new long[] {a.inbound(), a.outbound()});
        }
        if (!describe(stored).equals(describe(activity))) {
            throw new IllegalStateException(
                    "activity: the store says " + describe(stored) + ", the SQL " + describe(activity));
        }
        List<Object> requests = picture.openRequests().stream()
                .map(r -> (Object) r.id().value())
                .toList();
        List<Object> requestRows =
                row.openRequests().stream().map(r -> (Object) r.id()).toList();
        List<Object> tasks =
                picture.openTasks().stream().map(t -> (Object) t.id().value()).toList();
        List<Object> taskRows =
                row.openTasks().stream().map(t -> (Object) t.id()).toList();
        if (!requests.equals(requestRows) || !tasks.equals(taskRows) || requests.isEmpty() || tasks.isEmpty()) {
            throw new IllegalStateException("open work: the store reads requests " + requests + " and tasks " + tasks
                    + ", the SQL " + requestRows + " and " + taskRows);
        }
        List<Object> deals = picture.openOpportunities().stream()
                .map(o -> (Object) o.id().value())
                .toList();
        List<Object> dealRows =
                row.openOpportunities().stream().map(o -> (Object) o.id()).toList();
        List<Object> orders = picture.latestOrders().stream()
                .map(o -> (Object) o.id().value())
                .toList();
        List<Object> orderRows =
                row.latestOrders().stream().map(o -> (Object) o.id()).toList();
        if (!deals.equals(dealRows) || !orders.equals(orderRows) || deals.size() != 3 || orders.size() != 10) {
            throw new IllegalStateException("sales: the store reads opportunities " + deals + " and orders " + orders
                    + ", the SQL " + dealRows + " and " + orderRows);
        }
        if (!picture.customer().id().value().equals(row.customer().id())
                || picture.customer().contactPoints().size()
                        != row.customer().contacts().size()) {
            throw new IllegalStateException("customer 360: the profiles differ");
        }
    }

    private static String describe(Map<Channel, long[]> activity) {
        StringBuilder text = new StringBuilder();
        activity.forEach((channel, n) -> text.append(channel)
                .append('=')
                .append(n[0])
                .append('/')
                .append(n[1])
                .append(' '));
        return text.toString();
    }

    /** Checks that {@code rows} are {@code interactions}: same ids, participants and links, in order. */
    private static void same(String what, List<Interaction> interactions, List<HandwrittenReads.InteractionRow> rows) {
        List<String> expected = new ArrayList<>();
        for (Interaction i : interactions) {
            List<String> parts = new ArrayList<>();
            for (Participant p : i.participants()) {
                parts.add(p.customer().value() + " " + p.role());
            }
            for (InteractionLink l : i.links()) {
                parts.add(l.kind() + " " + l.id());
            }
            expected.add(i.id().value() + " " + i.occurredAt() + " " + parts);
        }
        List<String> actual = new ArrayList<>();
        for (HandwrittenReads.InteractionRow r : rows) {
            List<String> parts = new ArrayList<>();
            for (HandwrittenReads.ParticipantRow p : r.participants()) {
                parts.add(p.customer() + " " + p.role());
            }
            for (HandwrittenReads.LinkRow l : r.links()) {
                parts.add(l.kind() + " " + l.target());
            }
            actual.add(r.id() + " " + r.occurredAt() + " " + parts);
        }
        if (!expected.equals(actual) || expected.isEmpty()) {
            throw new IllegalStateException(what + ": the store reads " + expected + ", the SQL " + actual);
        }
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** Each thread's own source of random picks. */
    @State(Scope.Thread)
    public static class Picks {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
    }

    private CustomerId pick(Picks picks) {
        return heavyIds[picks.random.nextInt(heavyIds.length)];
    }

    /** The first page of 50 of a random heavy customer's timeline, through the store. */
    @Benchmark
    public Page<Interaction> timelinePage(Picks picks) {
        return crm.forTenant(TENANT)
                .as(ACTOR)
                .interactions()
                .timeline(pick(picks), TimelineQuery.all(), PageRequest.first(PAGE));
    }

    /** The same rows by one hand-written statement. */
    @Benchmark
    public HandwrittenReads.TimelinePage timelinePageSql(Picks picks) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenReads.timeline(c, TENANT.value(), pick(picks).value(), List.of(), PAGE);
        }
    }

    /** The first page of 50 of a random heavy customer's phone and WhatsApp contact, through the store. */
    @Benchmark
    public Page<Interaction> timelinePageOnChannels(Picks picks) {
        return crm.forTenant(TENANT)
                .as(ACTOR)
                .interactions()
                .timeline(pick(picks), TimelineQuery.all().withChannels(CHANNELS), PageRequest.first(PAGE));
    }

    /** The same rows by one hand-written statement. */
    @Benchmark
    public HandwrittenReads.TimelinePage timelinePageOnChannelsSql(Picks picks) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenReads.timeline(c, TENANT.value(), pick(picks).value(), CHANNEL_NAMES, PAGE);
        }
    }

    /** The customer-360 picture of a random heavy customer, through the store. */
    @Benchmark
    public Customer360 customer360(Picks picks) {
        return crm.forTenant(TENANT).as(ACTOR).customer360(pick(picks));
    }

    /** The same by one hand-written statement. */
    @Benchmark
    public HandwrittenReads.Customer360Row customer360Sql(Picks picks) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return Objects.requireNonNull(HandwrittenReads.customer360(
                    c,
                    TENANT.value(),
                    pick(picks).value(),
                    20,
                    Customer360.OPEN_WORK_LIMIT,
                    Customer360.LATEST_ORDERS));
        }
    }
}
