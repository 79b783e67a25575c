package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.report.ForecastFigure;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.report.SalesDimension;
import org.crmkit.core.report.SalesFigure;
import org.crmkit.core.report.SalesQuery;
import org.crmkit.core.report.WeightedForecast;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.SalesService;
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
 * How long do a year's revenue per owner and month and a year's weighted forecast per month take
 * through the JDBC store on PostgreSQL, against the one {@code GROUP BY} an engineer would write by
 * hand (the aim: within 1.5×) and against loading the rows over JDBC and summing them in Java, all
 * in the same run?
 *
 * <p>Data: one tenant of {@code customers} (default 100,000) customers from {@link
 * CustomerDataGenerator} (seed {@value #CUSTOMER_SEED}), stored through {@code saveAll}, each owned
 * by one of {@value SalesDataGenerator#OWNERS} sales reps; the two pipelines of {@link
 * SalesDataGenerator#createPipelines} through the sales service; {@code opportunities} (default
 * 200,000) opportunities and {@code orders} (default 5,000,000) orders over the two years before
 * {@link SalesDataGenerator#NOW} from {@link SalesDataGenerator} (seed {@value #SEED}; 7 % of the
 * customers buy in USD, the rest in EUR), loaded with PostgreSQL {@code COPY} into the JDBC store's
 * tables ({@link SalesCopy}), then {@code ANALYZE}d. It lives in the schema {@code
 * crmkit_bench_sales} of the benchmark server (see {@link BenchmarkDatabase}; other sizes in {@code
 * crmkit_bench_sales_<customers>_<opportunities>_<orders>}) with a row saying what it holds; later
 * runs find it and reuse it. Setup checks that the store reads loaded opportunities and orders back
 * exactly as generated, and that the store, the hand-written statement and the Java computation
 * give the same figures.
 *
 * <ul>
 *   <li>{@link #revenueByOwner}: {@code salesAnalysis().figures(SalesQuery.of(ReportPeriod.year(2025),
 *       Granularity.MONTH, SalesDimension.OWNER))}, about 2.6M orders of the year in 1,200 figures;
 *       {@link #revenueByOwnerSql}: {@link HandwrittenSales#revenueByOwner}; {@link
 *       #revenueByOwnerJava}: {@link HandwrittenSales#revenueByOwnerInJava}.
 *   <li>{@link #weightedForecast}: {@code pipelineAnalysis().weightedPipeline(ReportPeriod.year(2026),
 *       Granularity.MONTH)}, the open opportunities expected to close in 2026 (about 108,000) and
 *       the won ones closed in it (about 4,000) per month, owner, forecast category and currency,
 *       weighted by their win probability, in about 3,600 figures (and, as the store always does,
 *       the totals over the owners; no quotas are set); {@link #weightedForecastSql}: {@link
 *       HandwrittenSales#weightedForecast}; {@link #weightedForecastJava}: {@link
 *       HandwrittenSales#weightedForecastInJava}.
 * </ul>
 *
 * Only the JDBC store: the JPA store keeps its data in other tables, which this loader does not
 * fill. Each operation takes from tens of milliseconds to seconds, so JMH reports the mean time per
 * operation with its error. Run, after {@code mvn -pl crm-benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar SalesBenchmark
 * </pre>
 *
 * A quick check at small scale: {@code -p customers=2000 -p opportunities=4000 -p orders=100000 -wi 1 -i 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Timeout(time = 1, timeUnit = TimeUnit.HOURS) // JMH runs the trial's setup, and so the load, in the first iteration
@State(Scope.Benchmark)
public class SalesBenchmark {
    /** The seed of the sales data. */
    public static final long SEED = 20_260_301L;
    /** The seed of the customers, as in the other store benchmarks. */
    public static final long CUSTOMER_SEED = 20_240_611L;
    /** The year whose revenue is summed: a whole year of orders. */
    public static final int REVENUE_YEAR = 2025;
    /** The year whose forecast is made: two months closed, ten ahead. */
    public static final int FORECAST_YEAR = 2026;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Actor ACTOR = Actor.user("benchmark");
    private static final ReportPeriod REVENUE_PERIOD = ReportPeriod.year(REVENUE_YEAR);
    private static final ReportPeriod FORECAST_PERIOD = ReportPeriod.year(FORECAST_YEAR);
    private static final SalesQuery REVENUE_BY_OWNER =
            SalesQuery.of(REVENUE_PERIOD, Granularity.MONTH, SalesDimension.OWNER);
    /** When the pipelines were set up: before every opportunity. */
    private static final Instant PIPELINES_CREATED = Instant.parse("2023-01-02T09:00:00Z");

    /** How many customers the tenant holds. */
    @Param({"100000"})
    public int customers;

    /** How many opportunities the tenant holds. */
    @Param({"200000"})
    public int opportunities;

    /** How many orders the tenant holds. */
    @Param({"5000000"})
    public int orders;

    /** The store under test: {@code jdbc}. */
    @Param({"jdbc"})
    public String store;

    private BenchmarkDatabase db;
    private Crm crm;

    /** Loads the data if the schema does not hold it yet, and checks the store and the baselines agree. */
    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        if (!store.equals("jdbc")) {
            throw new IllegalArgumentException("no store " + store + " in this benchmark; only jdbc");
        }
        boolean defaults = customers == 100_000 && opportunities == 200_000 && orders == 5_000_000;
        String schema = "crmkit_bench_sales" + (defaults ? "" : "_" + customers + "_" + opportunities + "_" + orders);
        String holds = String.format(
                Locale.ROOT,
                "customers=%d seed=%d owners=%d opportunities=%d orders=%d seed=%d v2",
                customers,
                CUSTOMER_SEED,
                SalesDataGenerator.OWNERS,
                opportunities,
                orders,
                SEED);
        db = BenchmarkDatabase.open("postgresql", schema, false);
        SalesDataGenerator sales;
        if (StoredSchema.holds(db).equals(holds) && StoredSchema.migrates(db)) {
            crm = Crm.builder().store(JdbcCrmStore.create(db.dataSource())).build();
            sales = generator(crm.forTenant(TENANT).as(ACTOR).sales().pipelines());
        } else {
            db.close();
            db = BenchmarkDatabase.open("postgresql", schema, true);
            sales = fill(holds);
            crm = Crm.builder().store(JdbcCrmStore.create(db.dataSource())).build();
        }
        checkLoaded(sales);
        int revenueFigures = checkRevenue();
        int forecastFigures = checkForecast();
        System.out.printf(
                Locale.ROOT,
                "%n# %s, %,d customers, %,d opportunities, %,d orders; %,d revenue figures for %d, %,d"
                        + " forecast figures for %d%n",
                db,
                customers,
                opportunities,
                orders,
                revenueFigures,
                REVENUE_YEAR,
                forecastFigures,
                FORECAST_YEAR);
    }

    private SalesDataGenerator generator(List<Pipeline> pipelines) throws SQLException {
        return new SalesDataGenerator(
                SEED, TENANT, BenchmarkCustomers.owned(db, TENANT), pipelines, opportunities, orders);
    }

    /** Fills the fresh schema: customers with owners, pipelines, opportunities, orders; then writes what it holds. */
    private SalesDataGenerator fill(String holds) throws SQLException {
        long start = System.nanoTime();
        JdbcCrmStore jdbc = JdbcCrmStore.create(db.dataSource());
        jdbc.migrate();
        BenchmarkCustomers.fill(
                db, jdbc, TENANT, customers, CUSTOMER_SEED, index -> SalesDataGenerator.ownerOf(SEED, index));
        SalesService setup = Crm.builder()
                .store(jdbc)
                .clock(Clock.fixed(PIPELINES_CREATED, ZoneOffset.UTC))
                .build()
                .forTenant(TENANT)
                .as(ACTOR)
                .sales();
        SalesDataGenerator sales = generator(SalesDataGenerator.createPipelines(setup));
        SalesCopy.load(db, TENANT, sales);
        db.analyze();
        StoredSchema.mark(db, holds);
        System.out.printf(Locale.ROOT, "%n# filled %s in %.0f s%n", db, TableCopy.seconds(start));
        return sales;
    }

    /**
     * Checks that the tenant holds as many opportunities and orders as generated and that the store
     * reads some of them (the first, middle and last order; the first opportunity of each status,
     * one with lines, one with a probability set by hand) back equal to what the generator made.
     */
    private void checkLoaded(SalesDataGenerator sales) throws SQLException {
        long[] counts = new long[2];
        String[] tables = {"crm_opportunity", "crm_order"};
        try (Connection c = db.dataSource().getConnection()) {
            for (int i = 0; i < tables.length; i++) {
                try (PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM " + tables[i] + " WHERE tenant_id = ?")) {
                    s.setString(1, TENANT.value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts[i] = r.getLong(1);
                    }
                }
            }
        }
        if (counts[0] != sales.opportunities() || counts[1] != sales.orders()) {
            throw new IllegalStateException("the schema holds " + counts[0] + " opportunities and " + counts[1]
                    + " orders, not " + sales.opportunities() + " and " + sales.orders() + "; drop it to load again");
        }
        SalesService service = crm.forTenant(TENANT).as(ACTOR).sales();
        for (int k : new int[] {0, sales.orders() / 2, sales.orders() - 1}) {
            Order expected = sales.order(k);
            Order read = service.order(expected.id());
            if (!read.equals(expected)) {
                throw new IllegalStateException("order " + k + " reads back as " + read + " " + read.lines() + " "
                        + read.cost() + " " + read.audit() + ", generated as " + expected + " " + expected.lines()
                        + " " + expected.cost() + " " + expected.audit());
            }
        }
        List<Integer> positions = new ArrayList<>();
        boolean[] found = new boolean[5];
        for (int k = 0; k < sales.opportunities() && positions.size() < found.length; k++) {
            Opportunity o = sales.opportunity(k);
            int kind = o.status() == OpportunityStatus.OPEN
                            && o.probabilityOverride().isPresent()
                    ? 3
                    : !o.lines().isEmpty() ? 4 : o.status().ordinal();
            if (!found[kind]) {
                found[kind] = true;
                positions.add(k);
            }
        }
        for (int k : positions) {
            Opportunity expected = sales.opportunity(k);
            Opportunity read = service.opportunity(expected.id());
            if (!read.equals(expected)) {
                throw new IllegalStateException("opportunity " + k + " reads back as " + read + " " + read.history()
                        + ", generated as " + expected + " " + expected.history());
            }
        }
    }

    /** Checks that the store, the statement and the Java sums give the same revenue figures; returns how many. */
    private int checkRevenue() throws SQLException {
        List<String> stored = new ArrayList<>();
        for (SalesFigure f : revenueByOwner()) {
            stored.add(line(
                    f.periodStart(),
                    f.key(),
                    f.currency().getCurrencyCode(),
                    f.revenue().amount(),
                    f.orders(),
                    f.cost().amount(),
                    f.costedRevenue().amount()));
        }
        List<String> sql = revenueLines(revenueByOwnerSql());
        List<String> java = revenueLines(revenueByOwnerJava());
        same("revenue per owner", stored, sql, java);
        return stored.size();
    }

    private static List<String> revenueLines(List<HandwrittenSales.RevenueRow> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (HandwrittenSales.RevenueRow r : rows) {
            lines.add(line(
                    r.periodStart(), r.owner(), r.currency(), r.revenue(), r.orders(), r.cost(), r.costedRevenue()));
        }
        return lines;
    }

    /** Checks that the store, the statement and the Java sums give the same forecast figures; returns how many. */
    private int checkForecast() throws SQLException {
        List<String> stored = new ArrayList<>();
        for (ForecastFigure f : weightedForecast().figures()) {
            stored.add(line(
                    f.periodStart(),
                    f.owner().value(),
                    f.category().name(),
                    f.amount().currency().getCurrencyCode(),
                    f.count(),
                    f.amount().amount(),
                    f.weighted().amount()));
        }
        List<String> sql = forecastLines(weightedForecastSql());
        List<String> java = forecastLines(weightedForecastJava());
        same("weighted forecast", stored, sql, java);
        return stored.size();
    }

    private static List<String> forecastLines(List<HandwrittenSales.ForecastRow> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (HandwrittenSales.ForecastRow r : rows) {
            lines.add(
                    line(r.periodStart(), r.owner(), r.category(), r.currency(), r.count(), r.amount(), r.weighted()));
        }
        return lines;
    }

    private static String line(Object... values) {
        StringBuilder text = new StringBuilder();
        for (Object v : values) {
            text.append(text.length() == 0 ? "" : " ")
                    .append(v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        return text.toString();
    }

    /** Checks that the three lists of figures hold the same lines, in any order, and are not empty. */
    private static void same(String what, List<String> store, List<String> sql, List<String> java) {
        List<String> a = sorted(store);
        List<String> b = sorted(sql);
        List<String> c = sorted(java);
        if (a.isEmpty() || !a.equals(b) || !a.equals(c)) {
            List<String> onlyStore = new ArrayList<>(a);
            onlyStore.removeAll(b);
            List<String> onlySql = new ArrayList<>(b);
            onlySql.removeAll(a);
            List<String> onlyJava = new ArrayList<>(c);
            onlyJava.removeAll(a);
            throw new IllegalStateException(what + ": " + a.size() + " figures from the store, " + b.size()
                    + " from SQL, " + c.size() + " from Java; only the store's: " + head(onlyStore)
                    + "; only SQL's: " + head(onlySql) + "; only Java's: " + head(onlyJava));
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    private static List<String> head(List<String> lines) {
        return lines.subList(0, Math.min(5, lines.size()));
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** The year's revenue per owner and month, through the store. */
    @Benchmark
    public List<SalesFigure> revenueByOwner() {
        return crm.forTenant(TENANT).as(ACTOR).salesAnalysis().figures(REVENUE_BY_OWNER);
    }

    /** The same figures by one hand-written {@code GROUP BY}. */
    @Benchmark
    public List<HandwrittenSales.RevenueRow> revenueByOwnerSql() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenSales.revenueByOwner(c, TENANT.value(), REVENUE_PERIOD.from(), REVENUE_PERIOD.to());
        }
    }

    /** The same figures summed in Java from the year's order rows. */
    @Benchmark
    public List<HandwrittenSales.RevenueRow> revenueByOwnerJava() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenSales.revenueByOwnerInJava(c, TENANT.value(), REVENUE_PERIOD.from(), REVENUE_PERIOD.to());
        }
    }

    /** The year's weighted forecast per month, through the store. */
    @Benchmark
    public WeightedForecast weightedForecast() {
        return crm.forTenant(TENANT).as(ACTOR).pipelineAnalysis().weightedPipeline(FORECAST_PERIOD, Granularity.MONTH);
    }

    /** The same figures by one hand-written statement. */
    @Benchmark
    public List<HandwrittenSales.ForecastRow> weightedForecastSql() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenSales.weightedForecast(c, TENANT.value(), FORECAST_PERIOD.from(), FORECAST_PERIOD.to());
        }
    }

    /** The same figures computed in Java from the opportunity rows and the stages' default probabilities. */
    @Benchmark
    public List<HandwrittenSales.ForecastRow> weightedForecastJava() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandwrittenSales.weightedForecastInJava(
                    c, TENANT.value(), FORECAST_PERIOD.from(), FORECAST_PERIOD.to());
        }
    }
}
