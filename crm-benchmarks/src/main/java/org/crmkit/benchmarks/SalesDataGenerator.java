package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageChange;

/**
 * A seeded source of a tenant's sales for benchmarks: the owners of its customers, two pipelines,
 * opportunities in them and two years of orders, as of {@link #NOW}.
 *
 * <p>Owners: {@value #OWNERS} sales reps {@code rep-01} … {@code rep-50}, each customer owned by one
 * of them with Zipf skew (s = 0.5: the busiest rep has about seven times the customers of the least
 * busy). Pipelines ({@link #createPipelines}): "New business" with Qualify 10 %, Discovery 25 %,
 * Demo 35 % (retired, a few open opportunities still in it), Proposal 50 %, Negotiation 70 % and
 * Contract sent 90 %; "Renewals" with Renewal due 40 %, Quote sent 60 %, Verbal yes 85 % and
 * Paperwork 95 %; each stage with its forecast category (pipeline, best case, commit).
 *
 * <p>Customers buy in proportion to a log-normal weight (σ = 1.0); about 7 % of them buy in USD, the
 * others in EUR. Orders are spread over the two years before {@link #NOW} with 25 % growth, a
 * November–December peak, a summer dip, fewer on weekends and most in business hours; 1–3 lines of
 * a catalogue of 2,000 products (Zipf-popular, log-normal prices, quantity discounts sometimes), a
 * cost for 85 % of them, a channel for 85 %, and the external id of the web shop or the ERP for the
 * web, phone and e-mail orders. Orders are in time order and their ids are version-7 UUIDs of their
 * recording time, as a table filled over two years holds them.
 *
 * <p>Opportunities: 80 % new business, 20 % renewals, of customers in proportion to the same weights,
 * 85 % owned by the customer's owner and the rest by another rep. 60 % are open, 22 % won, 18 % lost;
 * the open ones are expected to close from 45 days before {@link #NOW} to a year and a bit after it,
 * mostly in early stages; the closed ones were closed during the 600 days before it, near their
 * expected close, the won ones mostly from late stages; won is {@code CLOSED} and lost {@code
 * OMITTED} in the forecast, open ones have their stage's category. 12 % have a probability set by
 * hand and 35 % a predicted one. Amounts are log-normal (median 8,000) or, for 45 % of new business,
 * the sum of 1–4 catalogue lines. Each has a stage history from its pipeline's first stage through
 * some of the stages to its own, and the close. Every opportunity and order is built by the domain
 * classes ({@code Opportunity.builder}, {@code Order.of}), so it is valid, and its instants are whole
 * microseconds, so it reads back from a store equal.
 *
 * <p>Opportunity and order {@code k} depend only on the seed, the customers, the pipelines and the
 * sizes: {@link #opportunity} and {@link #order} may be called in any order and give the same every
 * time. Building a generator sorts one {@code long} per order (40 MB for 5M); after that it is
 * immutable and thread-safe.
 */
public final class SalesDataGenerator {
    /** The instant the data is as of: nothing happens after it. */
    public static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    /** The earliest time an order is placed at: two years before {@link #NOW}. */
    public static final Instant ORDERS_START = Instant.parse("2024-03-01T00:00:00Z");
    /** How many sales reps own customers and opportunities. */
    public static final int OWNERS = 50;
    /** The names of the pipelines {@link #createPipelines} creates. */
    public static final List<String> PIPELINES = List.of("New business", "Renewals");

    private static final int CUSTOMER_BITS = 20;
    private static final int TIE_BITS = 17;
    private static final int MAX_CUSTOMERS = 1 << CUSTOMER_BITS;
    private static final int DAYS = (int) Duration.between(ORDERS_START, NOW).toDays();
    private static final long OPPORTUNITY_SALT = 0x6F70706FL;
    private static final long ORDER_SALT = 0x6F726465L;
    private static final long OWNER_SALT = 0x6F776E65L;
    private static final Seeds.Zipf OWNER_SKEW = new Seeds.Zipf(OWNERS, 0.5);
    private static final int PRODUCTS = 2_000;
    private static final Seeds.Zipf PRODUCT_POPULARITY = new Seeds.Zipf(PRODUCTS, 1.0);
    private static final double[] MONTH_SEASON = {0.85, 0.9, 1.0, 1.0, 1.0, 0.95, 0.85, 0.8, 1.05, 1.1, 1.25, 1.3};
    private static final double[] HOUR_SHARE = {
        0.005, 0.003, 0.002, 0.002, 0.003, 0.008, 0.02, 0.04, 0.07, 0.09, 0.095, 0.09, 0.07, 0.08, 0.09, 0.085, 0.07,
        0.05, 0.035, 0.03, 0.03, 0.025, 0.015, 0.008
    };
    private static final Channel[] ORDER_CHANNELS = {Channel.WEB_FORM, Channel.PHONE, Channel.EMAIL, Channel.VISIT, null
    };
    private static final double[] ORDER_CHANNEL_SHARE = {0.45, 0.15, 0.15, 0.10, 0.15};
    private static final double[] LINE_COUNT_SHARE = {0.6, 0.28, 0.12};
    private static final int[] QUANTITIES = {1, 2, 3, 5, 10, 25};
    private static final double[] QUANTITY_SHARE = {0.5, 0.2, 0.1, 0.08, 0.07, 0.05};
    private static final String[] DISCOUNTS = {"0", "0.05", "0.1", "0.2"};
    private static final double[] DISCOUNT_SHARE = {0.7, 0.15, 0.1, 0.05};
    private static final Channel[] SOURCES = {
        Channel.WEB_FORM, Channel.PHONE, Channel.EMAIL, Channel.MEETING, Channel.SOCIAL, Channel.WHATSAPP
    };
    private static final double[] STATUS_SHARE = {0.60, 0.22, 0.18};
    private static final OpportunityStatus[] STATUSES = {
        OpportunityStatus.OPEN, OpportunityStatus.WON, OpportunityStatus.LOST
    };
    private static final Actor SHOP = Actor.system("shop-sync");

    private final long seed;
    private final TenantId tenant;
    private final CustomerId[] customers;
    private final StaffId[] owners;
    private final boolean[] usd;
    private final double[] cumulativeWeight;
    private final Pipeline newBusiness;
    private final Pipeline renewals;
    private final int opportunities;
    private final long[] orderKeys;
    private final BigDecimal[] prices;

    /**
     * A generator of {@code opportunities} opportunities and {@code orders} orders of {@code
     * customers} (their position in the list is their rank) in {@code pipelines}, which must be
     * those {@link #createPipelines} made (in any order).
     *
     * @throws IllegalArgumentException when there are fewer than 2 or more than 2<sup>20</sup>
     *     customers, a size is negative, or a pipeline is missing
     */
    public SalesDataGenerator(
            long seed,
            TenantId tenant,
            List<BenchmarkCustomers.Owned> customers,
            List<Pipeline> pipelines,
            int opportunities,
            int orders) {
        if (customers.size() < 2 || customers.size() > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("needs 2 to " + MAX_CUSTOMERS + " customers, got " + customers.size());
        }
        if (opportunities < 0 || orders < 0) {
            throw new IllegalArgumentException("sizes must not be negative: " + opportunities + ", " + orders);
        }
        this.seed = seed;
        this.tenant = tenant;
        int n = customers.size();
        this.customers = new CustomerId[n];
        this.owners = new StaffId[n];
        this.usd = new boolean[n];
        this.cumulativeWeight = new double[n];
        SplittableRandom random = new SplittableRandom(Seeds.mix64(seed));
        double sum = 0;
        for (int c = 0; c < n; c++) {
            this.customers[c] = customers.get(c).id();
            this.owners[c] = customers.get(c).owner();
            usd[c] = random.nextDouble() < 0.07;
            sum += Math.exp(random.nextGaussian());
            cumulativeWeight[c] = sum;
        }
        this.newBusiness = pipeline(pipelines, PIPELINES.get(0));
        this.renewals = pipeline(pipelines, PIPELINES.get(1));
        this.opportunities = opportunities;
        this.prices = new BigDecimal[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            double price = 40 * Math.exp(0.9 * new SplittableRandom(Seeds.mix64(seed + p)).nextGaussian());
            // shop prices end in .90 or .99
            prices[p] = BigDecimal.valueOf(Math.max(1, (long) price)).add(new BigDecimal(p % 3 == 0 ? "0.99" : "0.90"));
        }
        this.orderKeys = orderKeys(orders);
    }

    private static Pipeline pipeline(List<Pipeline> pipelines, String name) {
        return pipelines.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipeline " + name + " among " + pipelines));
    }

    /**
     * The owner of customer number {@code index} of a {@link CustomerDataGenerator}: one of the
     * {@value #OWNERS} reps, with Zipf skew; the same for the same seed and index.
     */
    public static StaffId ownerOf(long seed, long index) {
        return rep(OWNER_SKEW.sample(Seeds.random(seed ^ OWNER_SALT, index)));
    }

    /** Sales rep number {@code i} (0-based) as a staff id: {@code rep-01} to {@code rep-50}. */
    public static StaffId rep(int i) {
        return StaffId.of(String.format(Locale.ROOT, "rep-%02d", i + 1));
    }

    /**
     * Creates the two pipelines of {@link #PIPELINES} through {@code sales} and retires the Demo
     * stage of the first; returns them as stored.
     */
    public static List<Pipeline> createPipelines(SalesService sales) {
        Pipeline business = sales.createPipeline(PipelineDraft.named(PIPELINES.get(0))
                .stage("Qualify", 10, ForecastCategory.PIPELINE)
                .stage("Discovery", 25, ForecastCategory.PIPELINE)
                .stage("Demo", 35, ForecastCategory.BEST_CASE)
                .stage("Proposal", 50, ForecastCategory.BEST_CASE)
                .stage("Negotiation", 70, ForecastCategory.COMMIT)
                .stage("Contract sent", 90, ForecastCategory.COMMIT)
                .wonReasons("product fit", "price", "relationship", "reference customer")
                .lostReasons("price", "competitor", "no budget", "no decision", "timing"));
        business = sales.retireStage(business.id(), business.stages().get(2).id());
        Pipeline renewal = sales.createPipeline(PipelineDraft.named(PIPELINES.get(1))
                .stage("Renewal due", 40, ForecastCategory.PIPELINE)
                .stage("Quote sent", 60, ForecastCategory.BEST_CASE)
                .stage("Verbal yes", 85, ForecastCategory.COMMIT)
                .stage("Paperwork", 95, ForecastCategory.COMMIT)
                .wonReasons("renewed", "upgraded")
                .lostReasons("churned", "downgraded to free", "competitor"));
        return List.of(business, renewal);
    }

    /** How many opportunities it generates. */
    public int opportunities() {
        return opportunities;
    }

    /** How many orders it generates. */
    public int orders() {
        return orderKeys.length;
    }

    /**
     * Order {@code position} (0-based, in order of time): the same every time.
     *
     * @throws IndexOutOfBoundsException when {@code position} is not below {@link #orders()}
     */
    public Order order(int position) {
        long key = orderKeys[position];
        SplittableRandom random = Seeds.random(seed ^ ORDER_SALT, position);
        int rank = (int) (key & (MAX_CUSTOMERS - 1));
        // the tie breaker, sorted after the second, as the fraction of the second
        long micros = (((key >>> CUSTOMER_BITS) & ((1L << TIE_BITS) - 1)) * 1_000_000L) >>> TIE_BITS;
        Instant orderedAt =
                ORDERS_START.plusSeconds(key >>> (CUSTOMER_BITS + TIE_BITS)).plusNanos(micros * 1000);
        String currency = usd[rank] ? "USD" : "EUR";
        int lineCount = 1 + Seeds.pick(random, LINE_COUNT_SHARE);
        List<LineItem> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            lines.add(catalogueLine(
                    random,
                    currency,
                    QUANTITIES[Seeds.pick(random, QUANTITY_SHARE)],
                    DISCOUNTS[Seeds.pick(random, DISCOUNT_SHARE)]));
        }
        Money total = lines.stream().map(LineItem::total).reduce(Money::plus).orElseThrow();
        Money cost = random.nextDouble() < 0.85
                ? total.times(BigDecimal.valueOf(50 + random.nextInt(26), 2)) // 50–75 % of the total
                : null;
        Channel channel = ORDER_CHANNELS[Seeds.pick(random, ORDER_CHANNEL_SHARE)];
        String externalId = channel == Channel.WEB_FORM
                ? "shop-" + (10_000_000 + position)
                : channel == Channel.PHONE || channel == Channel.EMAIL ? "erp-" + (10_000_000 + position) : null;
        Instant recordedAt;
        Actor by;
        if (channel == Channel.WEB_FORM) {
            recordedAt = orderedAt.plusSeconds(5 + random.nextInt(300));
            by = SHOP;
        } else {
            recordedAt = orderedAt.plusSeconds(1 + random.nextInt(3_600));
            StaffId owner = owners[rank];
            by = Actor.user(owner == null ? "sales-desk" : owner.value());
        }
        return Order.of(
                new OrderId(Seeds.uuid7(recordedAt, random, position)),
                tenant,
                customers[rank],
                orderedAt,
                lines,
                cost,
                channel,
                null,
                externalId,
                Audit.created(recordedAt, by));
    }

    /**
     * Opportunity {@code position} (0-based): the same every time.
     *
     * @throws IndexOutOfBoundsException when {@code position} is not below {@link #opportunities()}
     */
    public Opportunity opportunity(int position) {
        if (position < 0 || position >= opportunities) {
            throw new IndexOutOfBoundsException("no opportunity " + position + " of " + opportunities);
        }
        SplittableRandom random = Seeds.random(seed ^ OPPORTUNITY_SALT, position);
        int rank = customerRank(random);
        boolean renewal = random.nextDouble() < 0.2;
        Pipeline pipeline = renewal ? renewals : newBusiness;
        OpportunityStatus status = STATUSES[Seeds.pick(random, STATUS_SHARE)];
        StaffId owner = owners[rank] != null && random.nextDouble() < 0.85 ? owners[rank] : rep(random.nextInt(OWNERS));
        Actor by = Actor.user(owner.value());
        List<Stage> stages = pipeline.stages();
        Stage stage = finalStage(random, pipeline, status);
        // the stages it went through: the first, some of those between, and its own
        List<Stage> path = new ArrayList<>();
        int last = stages.indexOf(stage);
        for (int i = 0; i <= last; i++) {
            if (i == 0 || i == last || random.nextDouble() < 0.75) {
                path.add(stages.get(i));
            }
        }
        LocalDate expectedClose;
        Instant created;
        Instant end; // the close, or the last change of an open one
        Instant closedAt = null;
        if (status == OpportunityStatus.OPEN) {
            expectedClose = day(NOW).minusDays(45).plusDays(random.nextInt(450));
            created = Seeds.micros(NOW.minusSeconds(3 * 86_400L + random.nextLong(297 * 86_400L)));
            end = Seeds.micros(
                    created.plusSeconds((long) (Duration.between(created, NOW).toSeconds() * random.nextDouble())));
        } else {
            closedAt = businessTime(random, day(NOW).minusDays(1 + random.nextInt(600)));
            expectedClose = day(closedAt).plusDays(random.nextInt(60) - 20);
            created = Seeds.micros(closedAt.minusSeconds(14 * 86_400L + random.nextLong(226 * 86_400L)));
            end = closedAt;
        }
        List<Instant> times = new ArrayList<>(path.size());
        times.add(created);
        long span = Duration.between(created, end).toSeconds();
        long[] offsets = new long[path.size() - 1];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = 1 + random.nextLong(Math.max(1, span - 1));
        }
        Arrays.sort(offsets);
        for (long offset : offsets) {
            times.add(created.plusSeconds(offset));
        }
        List<StageChange> history = new ArrayList<>(path.size() + 1);
        for (int i = 0; i < path.size(); i++) {
            history.add(new StageChange(path.get(i).id(), OpportunityStatus.OPEN, times.get(i), by));
        }
        if (closedAt != null) {
            history.add(new StageChange(stage.id(), status, closedAt, by));
        }
        Instant updated = history.get(history.size() - 1).at();
        Opportunity.Builder b = Opportunity.builder(
                        new OpportunityId(Seeds.uuid7(created, random, position)),
                        tenant,
                        customers[rank],
                        owner,
                        pipeline.id(),
                        (renewal ? "Renewal " + expectedClose.getYear() : "Deal") + " #" + (100_000 + position),
                        expectedClose,
                        stage.id(),
                        new Audit(created, by, updated, by))
                .history(history)
                .status(status)
                .forecastCategory(
                        switch (status) {
                            case OPEN -> stage.category();
                            case WON -> ForecastCategory.CLOSED;
                            case LOST -> ForecastCategory.OMITTED;
                        })
                .probabilityOverride(random.nextDouble() < 0.12 ? 5 * (1 + random.nextInt(19)) : null)
                .predictedProbability(random.nextDouble() < 0.35 ? 1 + random.nextInt(99) : null)
                .sourceChannel(random.nextDouble() < 0.5 ? SOURCES[random.nextInt(SOURCES.length)] : null)
                .version(history.size());
        if (status != OpportunityStatus.OPEN) {
            List<String> reasons = status == OpportunityStatus.WON ? pipeline.wonReasons() : pipeline.lostReasons();
            b.closeReason(reasons.get(random.nextInt(reasons.size()))).closedAt(closedAt);
        }
        String currency = usd[rank] ? "USD" : "EUR";
        if (!renewal && random.nextDouble() < 0.45) {
            int lineCount = 1 + random.nextInt(4);
            List<LineItem> lines = new ArrayList<>(lineCount);
            for (int i = 0; i < lineCount; i++) {
                lines.add(catalogueLine(random, currency, 10 + random.nextInt(490), i == 0 ? "0.1" : "0"));
            }
            b.lines(lines);
        } else {
            long amount = Math.max(100, Math.round(160 * Math.exp(random.nextGaussian())) * 50); // median 8,000
            b.amount(Money.of(BigDecimal.valueOf(amount), Money.currency(currency)));
        }
        return b.build();
    }

    /** The stage an opportunity of {@code status} is in: open mostly early, won mostly late, lost anywhere. */
    private static Stage finalStage(SplittableRandom random, Pipeline pipeline, OpportunityStatus status) {
        List<Stage> stages = pipeline.stages();
        if (status == OpportunityStatus.OPEN && random.nextDouble() < 0.04) {
            for (Stage s : stages) {
                if (s.retired()) {
                    return s; // moved there before the stage was retired
                }
            }
        }
        List<Stage> active = pipeline.activeStages();
        int n = active.size();
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            double rising = (i + 1.0) / (n * (n + 1) / 2.0);
            double falling = (n - i + 0.0) / (n * (n + 1) / 2.0);
            shares[i] = status == OpportunityStatus.WON ? rising : falling;
        }
        return active.get(Seeds.pick(random, shares));
    }

    private LineItem catalogueLine(SplittableRandom random, String currency, int quantity, String discount) {
        int product = PRODUCT_POPULARITY.sample(random);
        BigDecimal price = prices[product];
        if (currency.equals("USD")) {
            price = price.multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_EVEN);
        }
        return LineItem.of(
                        "SKU-" + (10_000 + product),
                        Integer.toString(quantity),
                        Money.of(price, Money.currency(currency)))
                .discounted(discount);
    }

    /** A customer rank drawn in proportion to the customers' weights. */
    private int customerRank(SplittableRandom random) {
        double u = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int i = Arrays.binarySearch(cumulativeWeight, u);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulativeWeight.length - 1);
    }

    /**
     * The orders' keys in time order: the second after {@link #ORDERS_START}, a tie breaker that also
     * gives the microseconds within the second, and the customer rank. Days are drawn by weight (growth, season, weekday), hours by {@link #HOUR_SHARE}.
     */
    private long[] orderKeys(int orders) {
        double[] cumulativeDay = new double[DAYS];
        LocalDate first = day(ORDERS_START);
        double sum = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = first.plusDays(d);
            double weekday = switch (date.getDayOfWeek()) {
                case SATURDAY -> 0.6;
                case SUNDAY -> 0.4;
                default -> 1.0;
            };
            sum += (1 + 0.25 * d / DAYS) * MONTH_SEASON[date.getMonthValue() - 1] * weekday;
            cumulativeDay[d] = sum;
        }
        long[] keys = new long[orders];
        SplittableRandom random = new SplittableRandom(Seeds.mix64(seed ^ ORDER_SALT));
        for (int k = 0; k < orders; k++) {
            int i = Arrays.binarySearch(cumulativeDay, random.nextDouble() * sum);
            int d = Math.min(i >= 0 ? i + 1 : -i - 1, DAYS - 1);
            long second = d * 86_400L + Seeds.pick(random, HOUR_SHARE) * 3_600L + random.nextInt(3_600);
            keys[k] = (second << (CUSTOMER_BITS + TIE_BITS))
                    | ((long) random.nextInt(1 << TIE_BITS) << CUSTOMER_BITS)
                    | customerRank(random);
        }
        Arrays.sort(keys);
        return keys;
    }

    /** An instant on {@code day} in business hours (UTC), in whole microseconds. */
    private static Instant businessTime(SplittableRandom random, LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(8 * 3_600L + random.nextInt(10 * 3_600))
                .plusNanos(random.nextInt(1_000_000) * 1000L);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "SalesDataGenerator[seed=%d, %d customers, %d opportunities, %d orders]",
                seed,
                customers.length,
                opportunities,
                orderKeys.length);
    }
}
