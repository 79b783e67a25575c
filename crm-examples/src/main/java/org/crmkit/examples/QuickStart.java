package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.EventListener;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.DuplicateCustomerException;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Network;
import org.crmkit.core.customer.PhoneNormalizer;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionDraft;
import org.crmkit.core.interaction.InteractionService;
import org.crmkit.core.interaction.ParticipantRole;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.report.Customer360;
import org.crmkit.core.report.ForecastFigure;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.PipelineAnalysis;
import org.crmkit.core.report.PipelineReport;
import org.crmkit.core.report.ProductSuggestion;
import org.crmkit.core.report.QuotaAttainment;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.report.SalesAnalysis;
import org.crmkit.core.report.SalesDimension;
import org.crmkit.core.report.SalesFigure;
import org.crmkit.core.report.SalesQuery;
import org.crmkit.core.report.StageFigures;
import org.crmkit.core.report.StageProbabilities;
import org.crmkit.core.report.WeightedForecast;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.routing.RoutingCondition;
import org.crmkit.core.routing.RoutingRule;
import org.crmkit.core.routing.Team;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastPoint;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityDraft;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderDraft;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.RevenueForecast;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestDraft;
import org.crmkit.core.service.RequestEvent;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.service.RequestService;
import org.crmkit.core.service.ServiceLevel;
import org.crmkit.core.service.ServiceLevelPolicy;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.ContactCadence;
import org.crmkit.core.task.DueReminder;
import org.crmkit.core.task.FollowUp;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskDraft;
import org.crmkit.core.task.TaskKind;
import org.crmkit.core.task.TaskService;
import org.crmkit.jdbc.JdbcCrmStore;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The first program to run: creates customers in several scripts, links a contact person to a
 * company, searches by name without caring for case or accents, shows a duplicate being refused,
 * keeps a contact history (a call imported twice is recorded once, a correction supersedes it), opens
 * and routes service requests with deadlines, lists what is overdue (announced once), hands out task
 * reminders once, runs a contact cadence, reads a customer 360, and takes an opportunity through a
 * pipeline to an order. Runs on the JDBC store over an embedded H2 file database, made afresh in
 * {@code target/quickstart} on each run; pass another JDBC URL (PostgreSQL, MariaDB) as the system
 * property {@code crmkit.jdbc.url}, with {@code crmkit.jdbc.user} and {@code crmkit.jdbc.password}.
 *
 * <p>{@code mvn -B -pl crm-examples -am compile exec:java}
 */
public final class QuickStart {
    private QuickStart() {}

    /** Runs the walk-through and prints what it does. */
    public static void main(String[] args) throws Exception {
        String url = System.getProperty("crmkit.jdbc.url", "");
        if (url.isEmpty()) {
            Path dir = Path.of("target", "quickstart");
            deleteRecursively(dir);
            url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("crm") + ";DB_CLOSE_DELAY=-1";
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                url, System.getProperty("crmkit.jdbc.user", ""), System.getProperty("crmkit.jdbc.password", ""));
        try {
            JdbcCrmStore store = JdbcCrmStore.create(pool);
            System.out.printf("Store: %s (%d migrations applied)%n", store.dialect(), store.migrate());
            run(System.out, store);
        } finally {
            pool.dispose();
        }
    }

    /** Runs the walk-through on a fresh in-memory store, printing to {@code out}. */
    public static List<Customer> run(PrintStream out) {
        return run(out, MemoryCrmStore.create());
    }

    /** Runs the walk-through on {@code store}, printing to {@code out}; returns the customers it created. */
    public static List<Customer> run(PrintStream out, CrmStore store) {
        // One Crm per application, over a store.
        Crm crm = Crm.builder()
                .store(store)
                .phoneNormalizer(PhoneNormalizer.withDefaultCountry("84"))
                .listener(EventListener.of(
                        CustomerEvent.CustomerCreated.class,
                        e -> out.printf("  event: created %s%n", e.customer().displayName())))
                .build();

        // Work happens for one tenant and one actor.
        CrmScope scope = crm.forTenant(TenantId.of("saigon-distribution")).as(Actor.user("linh.tran"));
        CustomerService customers = scope.customers();

        out.println("1. Creating customers in several scripts");
        Customer company = customers.create(CustomerDraft.organization("Công ty TNHH Phương Nam")
                .displayName("Phương Nam")
                .email("info@phuongnam.vn")
                .phone("028 3823 4567", "office")
                .address(PostalAddress.of("12 Nguyễn Huệ", "700000", "Hồ Chí Minh", "VN"))
                .stage(LifecycleStage.CUSTOMER)
                .owner(StaffId.of("linh.tran"))
                .tags("wholesale", "vip")
                .attribute("creditLimit", AttributeValue.of(Money.of("250000000", "VND"))));
        Customer ngoc = customers.create(CustomerDraft.person("Thị Ngọc", "Đặng")
                .email("  Ngoc.Dang@PhuongNam.vn ")
                .phone("0912 345 678", "mobile")
                .handle(Network.ZALO, "ngoc.dang")
                .birthday(LocalDate.of(1990, 3, 8))
                .preferredLanguage(Locale.forLanguageTag("vi"))
                .grant(Channel.EMAIL, ConsentPurpose.MARKETING, "trade-fair-2026"));
        Customer ivan = customers.create(CustomerDraft.person("Иван", "Петров")
                .email("ivan.petrov@example.ru")
                .phone("+7 912 345-67-89")
                .preferredChannel(Channel.TELEGRAM)
                .handle(Network.TELEGRAM, "@ipetrov"));
        Customer yamada = customers.create(CustomerDraft.person("太郎", "山田")
                .displayName("山田 太郎")
                .email("yamada@example.jp")
                .preferredLanguage(Locale.JAPANESE));
        for (Customer c : List.of(company, ngoc, ivan, yamada)) {
            out.printf(
                    "   %-24s %-13s %-26s %s%n",
                    c.displayName(), c.kind(), c.emails().get(0), c.phones());
        }

        out.println("2. Linking a contact person to the company");
        customers.link(ngoc.id(), company.id(), RelationshipRole.EMPLOYEE_OF, LocalDate.of(2021, 6, 1), null);
        customers
                .relationships(company.id())
                .forEach(r -> out.printf(
                        "   %s is %s %s since %s%n",
                        customers.get(r.from()).displayName(),
                        r.role(),
                        customers.get(r.to()).displayName(),
                        r.validFrom().orElseThrow()));

        out.println("3. Searching by name, ignoring case and accents");
        for (String query : List.of("ngoc", "PHUONG", "пет", "山田")) {
            List<String> found = customers.search(query, PageRequest.first(10)).items().stream()
                    .map(Customer::displayName)
                    .toList();
            out.printf("   '%s' finds %s%n", query, found);
        }
        out.printf(
                "   found by phone '+84 912-345-678': %s%n",
                customers.findByPhone("+84 912-345-678").stream()
                        .map(Customer::displayName)
                        .toList());

        out.println("4. A duplicate is refused");
        try {
            customers.create(CustomerDraft.person("Ngoc", "Dang").email("NGOC.DANG@phuongnam.vn"));
            out.println("   (unexpected) the duplicate was accepted");
        } catch (DuplicateCustomerException e) {
            out.printf("   refused: %s%n", e.getMessage());
        }

        out.println("5. Moving through the lifecycle");
        customers.changeStage(ivan.id(), LifecycleStage.PROSPECT);
        try {
            customers.changeStage(ivan.id(), LifecycleStage.INACTIVE);
        } catch (org.crmkit.core.common.IllegalTransitionException e) {
            out.printf("   refused: %s%n", e.getMessage());
        }
        out.printf(
                "   %d customers in all, %d tagged vip, %d prospects%n",
                customers.count(CustomerQuery.all()),
                customers.count(CustomerQuery.all().withTag(org.crmkit.core.customer.Tag.of("vip"))),
                customers.count(CustomerQuery.all().withStage(LifecycleStage.PROSPECT)));

        out.println("6. Every contact on record, once");
        InteractionService interactions = scope.interactions();
        Instant monday = Instant.parse("2026-03-02T08:15:00Z");
        InteractionDraft call = InteractionDraft.of(Channel.PHONE, Direction.INBOUND, monday, ngoc.id())
                .duration(Duration.ofMinutes(7))
                .staff(StaffId.of("linh.tran"))
                .subject("Hỏi giá đơn hàng tháng 3")
                .outcome("quote-requested")
                .externalId("pbx:2026-03-02:0912345678:0815");
        Interaction logged = interactions.log(call);
        interactions.log(call); // the call log is imported again: nothing is recorded twice
        interactions.log(
                InteractionDraft.of(Channel.EMAIL, Direction.OUTBOUND, monday.plus(Duration.ofHours(2)), ngoc.id())
                        .subject("Báo giá / Quotation 2026-03")
                        .externalId("<quote-2026-03@phuongnam.vn>"));
        interactions.log(
                InteractionDraft.of(Channel.MEETING, Direction.OUTBOUND, monday.plus(Duration.ofDays(3)), ngoc.id())
                        .participant(company.id(), ParticipantRole.ATTENDEE)
                        .duration(Duration.ofHours(1))
                        .subject("Contract review"));
        interactions.correct(
                logged.id(),
                call.subject("Hỏi giá đơn hàng tháng 3 và tháng 4").externalId("pbx:2026-03-02:0912345678:0815#1"));
        for (Interaction i : interactions.timeline(ngoc.id(), 10).items()) {
            out.printf(
                    "   %s %-7s %-8s %s%n",
                    i.occurredAt(), i.channel(), i.direction(), i.subject().orElse(""));
        }
        interactions
                .activity(ngoc.id())
                .forEach(a -> out.printf(
                        "   %-7s %d in, %d out, last %s%n", a.channel(), a.inbound(), a.outbound(), a.lastContactAt()));
        out.printf(
                "   the company's timeline shows the meeting too: %d interaction(s)%n",
                interactions.timeline(company.id(), 10).items().size());

        out.println("7. A request that cannot be lost");
        Team support = Team.of("support", "minh.le", "hoa.pham");
        CrmScope desk = Crm.builder()
                .store(store)
                .serviceLevels(ServiceLevelPolicy.standard()
                        .forChannel(
                                Channel.WHATSAPP,
                                Priority.NORMAL,
                                ServiceLevel.of(Duration.ofMinutes(30), Duration.ofHours(8))))
                .requestRouting(AssignmentStrategy.rules(
                                RoutingRule.when(RoutingCondition.topic("billing"), AssignmentStrategy.customerOwner()))
                        .orElse(AssignmentStrategy.roundRobin(support)))
                .listener(EventListener.of(
                        RequestEvent.InboundRequestOverdue.class,
                        e -> out.printf(
                                "  event: %s overdue for '%s'%n",
                                e.target(), e.request().subject())))
                .build()
                .forTenant(TenantId.of("saigon-distribution"))
                .as(Actor.user("linh.tran"));
        RequestService requests = desk.requests();
        Instant now = crm.clock().instant();
        Interaction whatsapp = interactions.log(InteractionDraft.of(Channel.WHATSAPP, Direction.INBOUND, now, ngoc.id())
                .subject("Giao hàng trễ / late delivery")
                .externalId("wa:ABGGFlA5FpafAgo6EhM"));
        Request late = requests.open(RequestDraft.from(whatsapp.id(), ngoc.id(), "Late delivery of order 2026-117")
                .kind(RequestKind.COMPLAINT));
        Request invoice = requests.open(RequestDraft.of(company.id(), "Invoice 4711 charged twice")
                .topic("billing")
                .priority(Priority.HIGH));
        out.printf(
                "   '%s' from %s: assigned to %s, first answer due %s%n",
                late.subject(), late.channel(), late.assignee().orElseThrow(), late.firstResponseDue());
        out.printf(
                "   '%s' (billing): assigned to the owner %s%n",
                invoice.subject(), invoice.assignee().orElseThrow());
        requests.answer(invoice.id());
        Instant anHourLater = now.plus(Duration.ofHours(1));
        out.printf(
                "   overdue an hour later: %s%n",
                requests.overdue(anHourLater).stream()
                        .map(o -> o.request().subject() + " (" + o.target() + ")")
                        .toList());
        out.printf(
                "   polled again: still %d overdue, no second event%n",
                requests.overdue(anHourLater).size());

        out.println("8. Tasks, reminders and a contact cadence");
        TaskService tasks = desk.tasks();
        Task callBack = tasks.create(TaskDraft.of(
                        TaskKind.CALL_BACK,
                        "Call Ngọc about the new delivery date",
                        now.plus(Duration.ofHours(3)),
                        late.assignee().orElseThrow())
                .customer(ngoc.id())
                .request(late.id())
                .remindBefore(Duration.ofMinutes(15)));
        out.printf("   %s for %s, due %s%n", callBack.title(), callBack.assignee(), callBack.due());
        for (DueReminder reminder : tasks.dueReminders(now, now.plus(Duration.ofHours(4)))) {
            out.printf(
                    "   reminder at %s: %s%n",
                    reminder.reminder().remindAt(), reminder.task().title());
        }
        out.printf(
                "   the scheduler polls again: %d reminder(s)%n",
                tasks.dueReminders(now, now.plus(Duration.ofHours(4))).size());
        ContactCadence dormant = new ContactCadence(
                "dormant-customers",
                CustomerQuery.all().withStage(LifecycleStage.CUSTOMER),
                90,
                FollowUp.of(
                        TaskKind.FOLLOW_UP,
                        "Check in: no contact for 90 days",
                        Duration.ofDays(2),
                        StaffId.of("linh.tran")));
        out.printf("   cadence today: %s%n", tasks.runCadence(dormant));

        Customer360 picture = desk.customer360(ngoc.id(), 3);
        out.printf(
                "   360 of %s: %d interactions (last %s), %d open request(s), %d open task(s)%n",
                picture.customer().displayName(),
                picture.interactionCount(),
                picture.lastContactAt().orElseThrow(),
                picture.openRequests().size(),
                picture.openTasks().size());

        out.println("9. A pipeline, an opportunity and orders");
        SalesService sales = scope.sales();
        Pipeline wholesale = sales.createPipeline(PipelineDraft.named("Wholesale")
                .stage("Qualify", 10)
                .stage("Proposal", 40, ForecastCategory.BEST_CASE)
                .stage("Negotiation", 70, ForecastCategory.COMMIT)
                .lostReasons("price", "competitor", "no budget"));
        Opportunity deal = sales.createOpportunity(OpportunityDraft.of(
                        company.id(), wholesale.id(), "Autumn restock", LocalDate.of(2027, 3, 31))
                .line(LineItem.of("SKU-118", "40", Money.of("125000", "VND")).discounted("0.1"))
                .line(LineItem.of("SKU-220", "12", Money.of("480000", "VND"))));
        sales.moveToStage(deal.id(), wholesale.stages().get(1).id());
        try {
            sales.lose(deal.id(), "weather");
        } catch (org.crmkit.core.common.ValidationException e) {
            out.printf("   refused: %s%n", e.getMessage());
        }
        Opportunity won = sales.win(deal.id(), "relationship");
        out.printf(
                "   '%s' for %s, owner %s: %s, %s after %d stage changes%n",
                won.name(),
                company.displayName(),
                won.owner(),
                won.amount(),
                won.status(),
                won.history().size() - 1);
        OrderDraft order = OrderDraft.of(company.id(), Instant.parse("2026-03-20T09:30:00Z"))
                .line(LineItem.of("SKU-118", "40", Money.of("112500", "VND")))
                .line(LineItem.of("SKU-220", "12", Money.of("480000", "VND")))
                .cost(Money.of("7200000", "VND"))
                .opportunity(won.id())
                .externalId("erp:SO-2026-0117");
        Order recorded = sales.recordOrder(order);
        sales.recordOrder(order); // the ERP export is read again: nothing is recorded twice
        out.printf(
                "   order %s: total %s, margin %s; orders on record: %d%n",
                recorded.externalId().orElseThrow(),
                recorded.total(),
                recorded.margin().orElseThrow(),
                sales.latestOrders(company.id(), 10).size());

        out.println("10. Two years of orders: revenue by quarter, what goes together, the next months");
        analyseSales(out, scope, company, ngoc, ivan, yamada);

        out.println("11. The funnel, calibrated probabilities and the weighted forecast against quotas");
        forecastPipeline(out, scope, crm.clock().instant(), wholesale, company);
        return List.of(company, ngoc, ivan, yamada);
    }

    /**
     * Records two years of orders (the company monthly, more before Tết; Ngọc quarterly; Yamada a
     * few of other products; Ivan once) and reads them back as a host's dashboard would.
     */
    private static void analyseSales(
            PrintStream out, CrmScope scope, Customer company, Customer ngoc, Customer ivan, Customer yamada) {
        SalesService sales = scope.sales();
        ZoneId saigon = ZoneId.of("Asia/Ho_Chi_Minh");
        List<OrderDraft> history = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            LocalDate month = LocalDate.of(2025, 1, 1).plusMonths(m);
            int beforeTet = month.getMonthValue() <= 2 ? 30 : 0;
            history.add(OrderDraft.of(
                            company.id(),
                            month.plusDays(9).atTime(10, 0).atZone(saigon).toInstant())
                    .line(LineItem.of("SKU-118", String.valueOf(40 + m + beforeTet), Money.of("112500", "VND")))
                    .line(LineItem.of("SKU-220", "12", Money.of("480000", "VND")))
                    .externalId("erp:SO-" + month));
            if (m % 3 == 0) {
                history.add(OrderDraft.of(
                                ngoc.id(),
                                month.plusDays(20).atTime(15, 0).atZone(saigon).toInstant())
                        .line(LineItem.of("SKU-118", "2", Money.of("112500", "VND")))
                        .line(LineItem.of("SKU-330", "1", Money.of("250000", "VND"))));
            }
            if (m % 6 == 0) {
                history.add(OrderDraft.of(
                                yamada.id(),
                                month.plusDays(3).atTime(9, 0).atZone(saigon).toInstant())
                        .line(LineItem.of("SKU-330", "3", Money.of("250000", "VND")))
                        .line(LineItem.of("SKU-440", "1", Money.of("990000", "VND"))));
            }
        }
        history.add(OrderDraft.of(ivan.id(), Instant.parse("2026-05-12T07:30:00Z"))
                .line(LineItem.of("SKU-118", "5", Money.of("112500", "VND"))));
        sales.recordOrders(history.iterator(), ProgressListener.NONE, Cancellation.none());

        SalesAnalysis analysis = scope.salesAnalysis();
        ReportPeriod year2026 = ReportPeriod.year(2026).in(saigon);
        for (SalesFigure q : analysis.figures(SalesQuery.of(year2026, Granularity.QUARTER, SalesDimension.TOTAL))) {
            out.printf(
                    "   quarter from %s: %d orders, revenue %s, average order %s%n",
                    q.periodStart(), q.orders(), q.revenue(), q.averageOrderValue());
        }
        ReportPeriod twoYears = new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), saigon);
        for (ProductSuggestion s : scope.crossSelling().suggestionsFor(ivan.id(), twoYears, 5, 3)) {
            out.printf(
                    Locale.ROOT,
                    "   suggested for %s: %s (confidence %.2f, lift %.2f, because %s)%n",
                    ivan.displayName(),
                    s.product(),
                    s.confidence(),
                    s.lift(),
                    s.because());
        }
        RevenueForecast forecast = RevenueForecast.fit(
                analysis.revenueSeries(twoYears, Granularity.MONTH, java.util.Currency.getInstance("VND")));
        ForecastPoint next = forecast.forecast(1, 80).get(0);
        out.printf(
                "   %s forecasts %s for %s (80%%: %s to %s)%n",
                forecast.method(), next.forecast(), next.periodStart(), next.lower(), next.upper());
    }

    /**
     * Adds four opportunities to the wholesale pipeline (the autumn restock was won today), sets
     * quotas, and reads the funnel and the weighted forecast of the next months as a sales
     * manager's dashboard would.
     */
    private static void forecastPipeline(
            PrintStream out, CrmScope scope, Instant now, Pipeline wholesale, Customer company) {
        SalesService sales = scope.sales();
        ZoneId saigon = ZoneId.of("Asia/Ho_Chi_Minh");
        LocalDate thisMonth = LocalDate.ofInstant(now, saigon).withDayOfMonth(1);
        StaffId linh = StaffId.of("linh.tran");
        StaffId minh = StaffId.of("minh.le");
        sales.createOpportunity(OpportunityDraft.of(
                        company.id(),
                        wholesale.id(),
                        "Spring range",
                        thisMonth.plusMonths(1).plusDays(14))
                .owner(linh)
                .amount(Money.of("30000000", "VND")));
        Opportunity hotels = sales.createOpportunity(OpportunityDraft.of(
                        company.id(),
                        wholesale.id(),
                        "Hotel chain",
                        thisMonth.plusMonths(1).plusDays(20))
                .owner(minh)
                .amount(Money.of("50000000", "VND")));
        sales.moveToStage(hotels.id(), wholesale.stages().get(1).id());
        Opportunity canteens = sales.createOpportunity(OpportunityDraft.of(
                        company.id(),
                        wholesale.id(),
                        "School canteens",
                        thisMonth.plusMonths(2).plusDays(5))
                .owner(linh)
                .amount(Money.of("20000000", "VND"))
                .probability(90)); // the rep is sure: this counts before the stage's 70 %
        sales.moveToStage(canteens.id(), wholesale.stages().get(2).id());
        Opportunity cafes = sales.createOpportunity(
                OpportunityDraft.of(company.id(), wholesale.id(), "Café franchise", thisMonth.plusMonths(1))
                        .owner(minh)
                        .amount(Money.of("15000000", "VND")));
        sales.moveToStage(cafes.id(), wholesale.stages().get(1).id());
        sales.lose(cafes.id(), "competitor");
        sales.setQuota(new Quota(linh, YearMonth.from(thisMonth), Money.of("20000000", "VND")));
        sales.setQuota(new Quota(linh, YearMonth.from(thisMonth).plusMonths(1), Money.of("40000000", "VND")));

        PipelineAnalysis analysis = scope.pipelineAnalysis();
        ReportPeriod lastMonth = new ReportPeriod(
                LocalDate.ofInstant(now, saigon).minusDays(30),
                LocalDate.ofInstant(now, saigon).plusDays(1),
                saigon);
        PipelineReport funnel = analysis.report(wholesale.id(), lastMonth);
        for (StageFigures stage : funnel.stages()) {
            out.printf(
                    Locale.ROOT,
                    "   %-11s %d open %s; reached by %d closed%s%n",
                    stage.stage().name(),
                    stage.openCount(),
                    stage.openAmount(),
                    stage.reached(),
                    stage.calibratedProbability().isPresent()
                            ? ", " + stage.calibratedProbability().getAsInt() + "% of them won"
                            : "");
        }
        out.printf(
                Locale.ROOT,
                "   last 30 days: %d won, %d lost, win rate %.0f%%, average deal %s%n",
                funnel.won(),
                funnel.lost(),
                funnel.winRate().orElse(0) * 100,
                funnel.averageDealSize());

        ReportPeriod quarter = new ReportPeriod(thisMonth, thisMonth.plusMonths(3), saigon);
        String[] months = {"this month", "next month", "in 2 months"};
        WeightedForecast forecast = analysis.weightedPipeline(quarter, Granularity.MONTH);
        for (ForecastFigure f : forecast.figures()) {
            out.printf(
                    "   %-11s %-9s %-9s %s, weighted %s%n",
                    months[(int) java.time.temporal.ChronoUnit.MONTHS.between(thisMonth, f.periodStart())],
                    f.owner(),
                    f.category(),
                    f.amount(),
                    f.weighted());
        }
        for (QuotaAttainment a : forecast.attainment()) {
            out.printf(
                    Locale.ROOT,
                    "   %-11s %s: quota %s, won %s (%.0f%%), forecast %s%n",
                    months[(int) java.time.temporal.ChronoUnit.MONTHS.between(thisMonth, a.periodStart())],
                    a.owner(),
                    a.quota(),
                    a.won(),
                    a.attainment().orElse(0) * 100,
                    a.forecast());
        }
        // the same forecast with the probabilities the closed opportunities give each stage
        StageProbabilities learned = analysis.calibratedProbabilities(lastMonth, 1);
        WeightedForecast calibrated = analysis.weightedPipeline(quarter, Granularity.MONTH, learned);
        calibrated.totals().stream()
                .filter(t -> t.periodStart().equals(thisMonth.plusMonths(1)))
                .forEach(t -> out.printf(
                        "   next month, %s, with calibrated probabilities: weighted %s%n", t.category(), t.weighted()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
