package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;
import org.junit.jupiter.api.Test;

class SalesDataGeneratorTest {
    private static final TenantId TENANT = TenantId.of("test");
    private static final int CUSTOMERS = 2_000;
    private static final int OPPORTUNITIES = 5_000;
    private static final int ORDERS = 50_000;

    private final List<Pipeline> pipelines = SalesDataGenerator.createPipelines(Crm.builder()
            .store(MemoryCrmStore.create())
            .build()
            .forTenant(TENANT)
            .as(Actor.system("test"))
            .sales());
    private final List<BenchmarkCustomers.Owned> customers = customers();

    private static List<BenchmarkCustomers.Owned> customers() {
        SplittableRandom random = new SplittableRandom(3);
        List<BenchmarkCustomers.Owned> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(new BenchmarkCustomers.Owned(
                    new CustomerId(new UUID(random.nextLong(), random.nextLong())), SalesDataGenerator.ownerOf(7, i)));
        }
        return customers;
    }

    private SalesDataGenerator generator(long seed) {
        return new SalesDataGenerator(seed, TENANT, customers, pipelines, OPPORTUNITIES, ORDERS);
    }

    @Test
    void generator_sameSeed_sameOpportunitiesAndOrders() {
        SalesDataGenerator first = generator(7);
        SalesDataGenerator again = generator(7);

        for (int k : new int[] {0, 1, OPPORTUNITIES / 2, OPPORTUNITIES - 1}) {
            assertThat(again.opportunity(k)).isEqualTo(first.opportunity(k));
        }
        for (int k : new int[] {0, 1, ORDERS / 2, ORDERS - 1}) {
            assertThat(again.order(k)).isEqualTo(first.order(k));
        }
        assertThat(generator(8).order(ORDERS / 2)).isNotEqualTo(first.order(ORDERS / 2));
    }

    @Test
    void ownerOf_twoThousandCustomers_fiftyRepsWithSkew() {
        Map<StaffId, Long> byOwner = customers.stream()
                .collect(Collectors.groupingBy(BenchmarkCustomers.Owned::owner, Collectors.counting()));

        assertThat(byOwner).hasSize(SalesDataGenerator.OWNERS);
        assertThat(byOwner.get(SalesDataGenerator.rep(0))).isGreaterThan(3 * byOwner.get(SalesDataGenerator.rep(49)));
    }

    @Test
    void orders_inTimeOrderWithinTwoYears_uniqueIdsAndExternalIds() {
        SalesDataGenerator sales = generator(7);
        Set<UUID> ids = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        Instant previous = SalesDataGenerator.ORDERS_START;
        long eur = 0;
        long costed = 0;
        for (int k = 0; k < ORDERS; k++) {
            Order o = sales.order(k);
            assertThat(o.orderedAt()).isAfterOrEqualTo(previous).isBefore(SalesDataGenerator.NOW);
            previous = o.orderedAt();
            assertThat(o.orderedAt().getNano() % 1000).isZero();
            assertThat(o.lines()).hasSizeBetween(1, 3);
            ids.add(o.id().value());
            o.externalId().ifPresent(externalIds::add);
            eur += o.total().currency().getCurrencyCode().equals("EUR") ? 1 : 0;
            costed += o.cost().isPresent() ? 1 : 0;
        }

        assertThat(ids).hasSize(ORDERS);
        assertThat(externalIds.size()).isBetween(ORDERS * 7 / 10, ORDERS * 8 / 10);
        assertThat(eur).isBetween(ORDERS * 85L / 100, ORDERS * 99L / 100);
        assertThat(costed).isBetween(ORDERS * 80L / 100, ORDERS * 90L / 100);
    }

    @Test
    void opportunities_statusMixAndForecastCategoriesConsistent() {
        SalesDataGenerator sales = generator(7);
        Map<StageKey, Stage> stages = new java.util.HashMap<>();
        for (Pipeline p : pipelines) {
            for (Stage s : p.stages()) {
                stages.put(new StageKey(p.id().value(), s.id().value()), s);
            }
        }
        List<Opportunity> all =
                IntStream.range(0, OPPORTUNITIES).mapToObj(sales::opportunity).toList();
        Map<OpportunityStatus, Long> byStatus =
                all.stream().collect(Collectors.groupingBy(Opportunity::status, Collectors.counting()));
        LocalDate now = LocalDate.ofInstant(SalesDataGenerator.NOW, ZoneOffset.UTC);

        assertThat(byStatus.get(OpportunityStatus.OPEN))
                .isBetween(OPPORTUNITIES * 55L / 100, OPPORTUNITIES * 65L / 100);
        assertThat(byStatus.get(OpportunityStatus.WON)).isBetween(OPPORTUNITIES * 18L / 100, OPPORTUNITIES * 26L / 100);
        for (Opportunity o : all) {
            Stage stage =
                    stages.get(new StageKey(o.pipeline().value(), o.stage().value()));
            assertThat(stage).isNotNull();
            switch (o.status()) {
                case OPEN -> {
                    assertThat(o.forecastCategory()).isEqualTo(stage.category());
                    assertThat(o.expectedClose()).isAfter(now.minusDays(46));
                }
                case WON -> assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
                case LOST -> assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
            }
            o.closedAt().ifPresent(at -> assertThat(at).isBefore(SalesDataGenerator.NOW));
            assertThat(o.history().get(0).stage())
                    .isEqualTo(pipelineOf(o).stages().get(0).id());
            assertThat(o.history().get(0).at()).isEqualTo(o.audit().createdAt());
        }
        assertThat(all.stream().filter(o -> o.probabilityOverride().isPresent()).count())
                .isBetween(OPPORTUNITIES / 10L, OPPORTUNITIES * 15L / 100);
        assertThat(all.stream()
                        .filter(o -> o.predictedProbability().isPresent())
                        .count())
                .isBetween(OPPORTUNITIES * 30L / 100, OPPORTUNITIES * 40L / 100);
        assertThat(all.stream().filter(o -> !o.lines().isEmpty()).count()).isGreaterThan(OPPORTUNITIES / 4L);
        assertThat(all.stream()
                        .filter(o -> o.status() == OpportunityStatus.OPEN
                                && stages.get(new StageKey(
                                                o.pipeline().value(), o.stage().value()))
                                        .retired())
                        .count())
                .isPositive();
        assertThat(all.stream()
                        .collect(Collectors.groupingBy(o -> o.id().value(), Collectors.counting()))
                        .values())
                .allMatch(n -> n == 1);
        assertThat(all.stream().map(Opportunity::owner).collect(Collectors.toSet()))
                .hasSize(SalesDataGenerator.OWNERS);
    }

    private Pipeline pipelineOf(Opportunity o) {
        return pipelines.stream()
                .collect(Collectors.toMap(p -> p.id(), Function.identity()))
                .get(o.pipeline());
    }

    private record StageKey(UUID pipeline, UUID stage) {}
}
