package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JPA store promises for interactions beyond the crm-testkit contracts: a timeline page
 * and every read in a constant number of statements (no N+1 over participants or links), a
 * timeline query that one index of {@code crmkit_interaction_participant} serves in order, JDBC
 * batches for {@code appendAll}, duplicates caught before the insert so that the unit of work (on
 * PostgreSQL, the whole transaction) goes on, a concurrent writer of the same value named by the
 * constraint it violates, rollbacks that leave no row behind, instants kept to the microsecond, and
 * work inside the host's own transactions. Subclasses name the database.
 */
abstract class JpaInteractionStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private JpaCrmStore store;
    private TenantId tenant;
    private InteractionRepository interactions;

    /** The database of the subclass. */
    abstract JpaDatabase db();

    @BeforeEach
    void setUp() {
        store = db().store();
        tenant = TestTenants.random("jpa");
        interactions = store.interactions(tenant);
    }

    // ---- statements --------------------------------------------------------------------------

    @Test
    void timeline_pageOfFiftyWithParticipantsAndLinks_takesThreeStatements() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        CustomerId ngoc = customer();
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(anInteraction(anna)
                    .in(tenant)
                    .on(i % 2 == 0 ? Channel.PHONE : Channel.EMAIL)
                    .at(T0.plusSeconds(i))
                    .withAttendees(ivan, ngoc)
                    .linkedTo(LinkKind.OPPORTUNITY, UUID.randomUUID())
                    .linkedTo(LinkKind.CAMPAIGN, UUID.randomUUID())
                    .withExternalId("pbx:" + i)
                    .build());
        }
        interactions.appendAll(batch);
        // every tenth one corrected, so that hiding superseded interactions is part of the query
        List<Interaction> corrections = new ArrayList<>();
        for (int i = 0; i < 120; i += 10) {
            corrections.add(anInteraction(anna)
                    .in(tenant)
                    .at(T0.minusSeconds(i))
                    .superseding(batch.get(i).id())
                    .linkedTo(LinkKind.REQUEST, UUID.randomUUID())
                    .build());
        }
        interactions.appendAll(corrections);
        Statistics statistics = db().statistics();

        Map<String, Function<InteractionRepository, Object>> reads = new LinkedHashMap<>();
        reads.put("page 1", r -> r.timeline(anna, TimelineQuery.all(), PageRequest.first(50)));
        reads.put("page 2", r -> {
            Page<Interaction> first = r.timeline(anna, TimelineQuery.all(), PageRequest.first(50));
            statistics.clear();
            return r.timeline(
                    anna, TimelineQuery.all(), PageRequest.after(first.next().orElseThrow(), 50));
        });
        reads.put(
                "a filtered page",
                r -> r.timeline(
                        anna,
                        TimelineQuery.all()
                                .withChannels(Channel.PHONE)
                                .withDirection(Direction.INBOUND)
                                .between(T0.minusSeconds(3600), T0.plusSeconds(3600)),
                        PageRequest.first(50)));
        reads.put(
                "a page with superseded",
                r -> r.timeline(ivan, TimelineQuery.all().includingSuperseded(), PageRequest.first(50)));
        reads.put("findById", r -> r.findById(batch.get(1).id()).orElseThrow());
        reads.put("findByExternalId", r -> r.findByExternalId("pbx:3").orElseThrow());
        reads.put("findCorrection", r -> r.findCorrection(batch.get(10).id()).orElseThrow());
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        reads.forEach((what, read) -> {
            statistics.clear();
            results.put(what, read.apply(interactions));
            statements.put(what, statistics.getPrepareStatementCount());
        });

        @SuppressWarnings("unchecked")
        Page<Interaction> first = (Page<Interaction>) results.get("page 1");
        assertThat(first.items()).hasSize(50).allSatisfy(i -> {
            assertThat(i.participants()).hasSize(3);
            assertThat(i.links()).hasSize(2);
        });
        assertThat(first.items())
                .as("the superseded ones are left out")
                .containsExactlyElementsOf(IntStream.iterate(119, i -> i - 1)
                        .filter(i -> i % 10 != 0)
                        .limit(50)
                        .mapToObj(batch::get)
                        .toList());
        assertThat(((Page<?>) results.get("page 2")).items()).hasSize(50);
        assertThat(((Page<?>) results.get("a filtered page")).items()).hasSize(50);
        assertThat(((Page<?>) results.get("a page with superseded")).items()).hasSize(50);
        assertThat(statements)
                .as("statements per read: one for the interactions, one for their participants, one for their links")
                .allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(3L));

        List<Interaction> bare = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bare.add(
                    anInteraction(ngoc).in(tenant).at(T0.minusSeconds(3600 + i)).build());
        }
        interactions.appendAll(bare);
        statistics.clear();
        assertThat(interactions
                        .timeline(ngoc, TimelineQuery.all().until(T0), PageRequest.first(50))
                        .items())
                .containsExactlyElementsOf(bare.subList(0, 50));
        assertThat(statistics.getPrepareStatementCount())
                .as("a page without links skips the link table")
                .isEqualTo(2);
    }

    @Test
    void activity_isOneStatement() {
        CustomerId anna = customer();
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(anInteraction(anna)
                    .in(tenant)
                    .on(Channel.values()[i % 5])
                    .going(i % 3 == 0 ? Direction.OUTBOUND : Direction.INBOUND)
                    .at(T0.plusSeconds(i))
                    .build());
        }
        interactions.appendAll(batch);
        Statistics statistics = db().statistics();

        statistics.clear();
        List<ChannelActivity> activity = interactions.activity(anna);

        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(activity).hasSize(5);
        assertThat(activity.stream().mapToLong(ChannelActivity::total).sum()).isEqualTo(40);
    }

    @Test
    void appendAll_writesInJdbcBatches() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        CustomerId ngoc = customer();
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(anInteraction(anna)
                    .in(tenant)
                    .at(T0.plusSeconds(i))
                    .withAttendees(ivan, ngoc)
                    .linkedTo(LinkKind.REQUEST, UUID.randomUUID())
                    .withExternalId("msg-" + i)
                    .build());
        }
        Statistics statistics = db().statistics();
        statistics.clear();

        interactions.appendAll(batch);

        // 200 interactions are 1,000 rows in three tables: one prepared statement per batch of 50,
        // after one query for the ids and one for the external ids
        assertThat(statistics.getEntityInsertCount()).isEqualTo(200 + 600 + 200);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(2 + 200 / 50 + 600 / 50 + 200 / 50);
        assertThat(interactions.existingExternalIds(
                        batch.stream().map(i -> i.externalId().orElseThrow()).toList()))
                .hasSize(200);
    }

    @Test
    void existingExternalIds_takesAStatementPerChunk() {
        CustomerId anna = customer();
        interactions.append(
                anInteraction(anna).in(tenant).withExternalId("msg-7").build());
        List<String> asked = IntStream.range(0, 2 * JpaInteractionRepository.CHUNK + 1)
                .mapToObj(i -> "msg-" + i)
                .toList();
        Statistics statistics = db().statistics();

        statistics.clear();
        assertThat(interactions.existingExternalIds(asked)).containsExactly("msg-7");
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(3);
    }

    // ---- the timeline index ------------------------------------------------------------------

    @Test
    void timeline_isServedInOrderByTheParticipantIndex() throws SQLException {
        CustomerId anna = customer();
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(anInteraction(anna).in(tenant).at(T0.plusSeconds(i)).build());
        }
        interactions.appendAll(batch);
        List<Recorded> statements = new CopyOnWriteArrayList<>();
        DataSource recording = recording(db().database().dataSource(), statements);
        EntityManagerFactory recorded = JpaDatabase.createFactory(db().database(), unit -> {
            // connections from the recording data source instead of the URL and pool of the test unit
            unit.properties().remove(PersistenceConfiguration.JDBC_URL);
            unit.property(
                            "hibernate.connection.provider_class",
                            "org.hibernate.engine.jdbc.connections.internal.DataSourceConnectionProvider")
                    .property("hibernate.connection.datasource", recording);
        });
        try {
            InteractionRepository through = JpaCrmStore.create(recorded).interactions(tenant);
            Page<Interaction> first = through.timeline(anna, TimelineQuery.all(), PageRequest.first(10));
            statements.clear();
            Page<Interaction> second = through.timeline(
                    anna,
                    TimelineQuery.all().withChannels(Channel.PHONE, Channel.EMAIL),
                    PageRequest.after(first.next().orElseThrow(), 10));
            assertThat(second.items()).hasSize(10);

            Recorded page = statements.stream()
                    .filter(s -> s.sql.toLowerCase(Locale.ROOT).contains("order by"))
                    .findFirst()
                    .orElseThrow();
            String plan = explain(page);
            if (db().isPostgres()) {
                assertThat(plan)
                        .as("the plan of %s", page.sql)
                        .contains("crmkit_interaction_participant_timeline_ix")
                        .doesNotContain("Sort");
            } else {
                assertThat(plan.toUpperCase(Locale.ROOT))
                        .as("the plan of %s", page.sql)
                        .contains("CRMKIT_INTERACTION_PARTICIPANT_TIMELINE_IX");
            }
        } finally {
            recorded.close();
        }
    }

    // ---- duplicates --------------------------------------------------------------------------

    @Test
    void append_duplicatesFoundBeforeTheInsert_leaveTheUnitOfWorkUsable() {
        CustomerId anna = customer();
        Interaction original = interactions.append(
                anInteraction(anna).in(tenant).withExternalId("pbx:1").build());
        Interaction correction = interactions.append(
                anInteraction(anna).in(tenant).superseding(original.id()).build());
        Interaction kept = anInteraction(anna).in(tenant).withExternalId("kept").build();

        store.inTransaction(() -> {
            assertThatThrownBy(() -> interactions.append(anInteraction(anna)
                            .in(tenant)
                            .withExternalId("pbx:1")
                            .build()))
                    .isInstanceOfSatisfying(
                            DuplicateInteractionException.class,
                            e -> assertThat(e.field()).isEqualTo("externalId"));
            assertThatThrownBy(() -> interactions.append(anInteraction(anna)
                            .in(tenant)
                            .superseding(original.id())
                            .build()))
                    .isInstanceOfSatisfying(
                            DuplicateInteractionException.class,
                            e -> assertThat(e.field()).isEqualTo("supersedes"));
            assertThatThrownBy(() -> interactions.appendAll(List.of(
                            anInteraction(anna).in(tenant).build(),
                            anInteraction(anna)
                                    .in(tenant)
                                    .withId(correction.id())
                                    .build())))
                    .isInstanceOfSatisfying(
                            DuplicateInteractionException.class,
                            e -> assertThat(e.field()).isEqualTo("id"));
            // on PostgreSQL a failed statement would have aborted the transaction: nothing more could be done in it
            return interactions.append(kept);
        });

        assertThat(interactions.findByExternalId("kept")).contains(kept);
        assertThat(interactions
                        .timeline(anna, TimelineQuery.all().includingSuperseded(), PageRequest.first(10))
                        .items())
                .containsExactlyInAnyOrder(original, correction, kept);
    }

    @Test
    void append_concurrentWriterOfTheSameValue_failsNamingTheField() throws Exception {
        CustomerId anna = customer();
        Interaction original =
                interactions.append(anInteraction(anna).in(tenant).build());
        Interaction byExternalId =
                anInteraction(anna).in(tenant).withExternalId("webhook-1").build();
        Interaction byOriginal =
                anInteraction(anna).in(tenant).superseding(original.id()).build();
        Interaction byId = anInteraction(anna).in(tenant).build();

        assertThat(raceOf(
                        byExternalId,
                        List.of(anInteraction(anna)
                                .in(tenant)
                                .withExternalId("webhook-1")
                                .build())))
                .extracting(DuplicateInteractionException::field, DuplicateInteractionException::value)
                .containsExactly("externalId", "webhook-1");
        assertThat(raceOf(
                        byOriginal,
                        List.of(
                                anInteraction(anna).in(tenant).build(),
                                anInteraction(anna)
                                        .in(tenant)
                                        .superseding(original.id())
                                        .build())))
                .extracting(DuplicateInteractionException::field, DuplicateInteractionException::value)
                .containsExactly("supersedes", original.id().toString());
        assertThat(raceOf(
                        byId,
                        List.of(anInteraction(anna)
                                .in(tenant)
                                .withId(byId.id())
                                .withExternalId("other")
                                .build())))
                .extracting(DuplicateInteractionException::field, DuplicateInteractionException::value)
                .containsExactly("id", byId.id().toString());
        assertThat(interactions.findByExternalId("other")).isEmpty();
        assertThat(interactions
                        .timeline(anna, TimelineQuery.all().includingSuperseded(), PageRequest.first(10))
                        .items())
                .containsExactlyInAnyOrder(original, byExternalId, byOriginal, byId);
    }

    // ---- units of work and precision ---------------------------------------------------------

    @Test
    void inTransaction_failure_leavesNoRowInAnyTable() throws SQLException {
        CustomerId anna = customer();
        CustomerId ivan = customer();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    interactions.append(anInteraction(anna)
                            .in(tenant)
                            .withAttendees(ivan)
                            .linkedTo(LinkKind.CAMPAIGN, UUID.randomUUID())
                            .build());
                    interactions.appendAll(List.of(anInteraction(ivan)
                            .in(tenant)
                            .linkedTo(LinkKind.REQUEST, UUID.randomUUID())
                            .build()));
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        assertThat(rowsOfTenant()).containsExactly(0L, 0L, 0L);

        interactions.append(anInteraction(anna)
                .in(tenant)
                .withAttendees(ivan)
                .linkedTo(LinkKind.CAMPAIGN, UUID.randomUUID())
                .linkedTo(LinkKind.REQUEST, UUID.randomUUID())
                .build());
        assertThat(rowsOfTenant()).containsExactly(1L, 2L, 2L);
    }

    @Test
    void append_finerThanMicroseconds_isKeptToTheMicrosecond() {
        CustomerId anna = customer();
        Interaction fine = anInteraction(anna)
                .in(tenant)
                .at(T0.plusNanos(123_456_789))
                .recordedAt(T0.plusNanos(987_654_321))
                .lasting(Duration.ofNanos(1_999))
                .build();

        Interaction stored = interactions.append(fine);

        assertThat(stored.occurredAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(stored.recordedAt()).isEqualTo(T0.plusNanos(987_654_000));
        assertThat(stored.duration()).isEqualTo(Duration.ofNanos(1_000));
        assertThat(interactions.findById(fine.id())).contains(stored);
        assertThat(interactions
                        .timeline(anna, TimelineQuery.all(), PageRequest.first(10))
                        .items())
                .containsExactly(stored);
    }

    @Test
    void joinHostTransactions_theHostCommitsOrRollsBackTheInteractions() {
        CustomerId anna = customer();
        Interaction kept = anInteraction(anna).in(tenant).withExternalId("kept").build();
        Interaction dropped =
                anInteraction(anna).in(tenant).withExternalId("dropped").build();
        EntityManager hostEm = db().factory().createEntityManager();
        try {
            InteractionRepository hosted = JpaCrmStore.builder()
                    .joinHostTransactions(() -> hostEm)
                    .build()
                    .interactions(tenant);

            hostEm.getTransaction().begin();
            hosted.appendAll(List.of(kept));
            assertThatThrownBy(() -> hosted.append(anInteraction(anna)
                            .in(tenant)
                            .withExternalId("kept")
                            .build()))
                    .isInstanceOf(DuplicateInteractionException.class);
            assertThat(hosted.timeline(anna, TimelineQuery.all(), PageRequest.first(10))
                            .items())
                    .containsExactly(kept);
            hostEm.getTransaction().commit();
            hostEm.getTransaction().begin();
            hosted.append(dropped);
            assertThat(hosted.findByExternalId("dropped")).contains(dropped);
            hostEm.getTransaction().rollback();

            assertThat(interactions.findById(kept.id())).contains(kept);
            assertThat(interactions.findById(dropped.id())).isEmpty();
            assertThat(interactions.activity(anna))
                    .containsExactly(new ChannelActivity(Channel.PHONE, 1, 0, kept.occurredAt()));
        } finally {
            hostEm.close();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /**
     * Lets a unit of work record {@code first} and hold on, starts another that appends {@code
     * second} (which must collide with {@code first} on one value), waits until that one waits for
     * the first or has failed, lets the first commit, and returns how the second failed.
     */
    private DuplicateInteractionException raceOf(Interaction first, List<Interaction> second) throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> store.inTransaction(() -> {
                interactions.append(first);
                recorded.countDown();
                await(release);
                return null;
            }));
            await(recorded);
            Future<?> loser = pool.submit(() -> interactions.appendAll(second));
            awaitLockWaitOrEnd(loser);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            ExecutionException failure = assertThrows(ExecutionException.class, () -> loser.get(30, TimeUnit.SECONDS));
            assertThat(failure.getCause()).isInstanceOf(DuplicateInteractionException.class);
            return (DuplicateInteractionException) failure.getCause();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Waits until some unit of work waits for a lock on an interaction table, or until {@code work} ends. */
    private void awaitLockWaitOrEnd(Future<?> work) throws SQLException, InterruptedException {
        // H2 names no blocker while an insert waits for a key that an open transaction inserted
        String waiting = db().isPostgres()
                ? "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query like '%crmkit_interaction%'"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like '%insert into crmkit' || '_interaction%'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db().database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(waiting)) {
            while (!work.isDone()) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no unit of work waited for an interaction lock within 30 s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** The database's plan for {@code statement}, bound as the store bound it, with nothing but indexes allowed. */
    private String explain(Recorded statement) throws SQLException {
        try (Connection c = db().database().dataSource().getConnection()) {
            if (db().isPostgres()) {
                try (Statement s = c.createStatement()) {
                    // whether the index can serve the page in order, whatever the few test rows would favour
                    s.execute("set enable_seqscan = off");
                    s.execute("set enable_bitmapscan = off");
                    s.execute("set enable_sort = off");
                }
            }
            try (PreparedStatement s = c.prepareStatement("explain " + statement.sql)) {
                for (Object[] call : statement.binds) {
                    try {
                        PreparedStatement.class
                                .getMethod((String) call[0], (Class<?>[]) call[1])
                                .invoke(s, (Object[]) call[2]);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    private CustomerId customer() {
        return store.customers(tenant).save(aPerson().in(tenant).build()).id();
    }

    /** Rows of the tenant in interactions, participants and links. */
    private List<Long> rowsOfTenant() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = db().database().dataSource().getConnection()) {
            for (String table :
                    List.of("crmkit_interaction", "crmkit_interaction_participant", "crmkit_interaction_link")) {
                try (PreparedStatement s =
                        c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    s.setString(1, tenant.value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.add(r.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** One prepared statement as the provider sent it: its SQL and its parameter calls. */
    private record Recorded(String sql, List<Object[]> binds) {}

    /**
     * A data source over {@code target} that records every statement on an interaction table that
     * is prepared, with its parameters ({@code set…} calls) into {@code sink}, to replay it under
     * {@code EXPLAIN}.
     */
    private static DataSource recording(DataSource target, List<Recorded> sink) {
        ClassLoader loader = JpaInteractionStoreContract.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(
                loader, new Class<?>[] {DataSource.class}, (ds, dsMethod, dsArgs) -> {
                    Object connection = invoke(target, dsMethod, dsArgs);
                    if (!(connection instanceof Connection real)) {
                        return connection;
                    }
                    return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (c, method, args) -> {
                        Object result = invoke(real, method, args);
                        if (!method.getName().equals("prepareStatement")
                                || !((String) args[0]).contains("crmkit_interaction")) {
                            return result;
                        }
                        Recorded recorded = new Recorded((String) args[0], new CopyOnWriteArrayList<>());
                        sink.add(recorded);
                        PreparedStatement ps = (PreparedStatement) result;
                        return Proxy.newProxyInstance(loader, new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                            if (m.getName().startsWith("set")
                                    && a != null
                                    && a.length >= 2
                                    && a[0] instanceof Integer) {
                                recorded.binds.add(new Object[] {m.getName(), m.getParameterTypes(), a});
                            }
                            return invoke(ps, m, a);
                        });
                    });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Waits for {@code latch}, as a test thread may. */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test thread waited 30 s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
