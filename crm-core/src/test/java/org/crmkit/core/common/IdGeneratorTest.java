package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void timeOrdered_makesVersion7UuidsWithTheClocksMillis() {
        Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
        UUID id = IdGenerator.timeOrdered(Clock.fixed(at, ZoneOffset.UTC)).next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void timeOrdered_isStrictlyIncreasingEvenOnAFrozenClock() {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.fixed(Instant.EPOCH.plusSeconds(1_000_000), ZoneOffset.UTC));
        UUID previous = ids.next();
        for (int i = 0; i < 20_000; i++) { // passes the 12-bit counter several times
            UUID next = ids.next();
            assertThat(Ids.ORDER.compare(previous, next)).isNegative();
            previous = next;
        }
    }

    @Test
    void timeOrdered_isUniqueAcrossThreads() throws InterruptedException {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 25_000; i++) {
                    seen.add(ids.next());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void order_isUnsignedAndAgreesWithTheTextualForm() {
        List<UUID> uuids = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        List<UUID> byOrder = new ArrayList<>(uuids);
        byOrder.sort(Ids.ORDER);
        List<UUID> byText = new ArrayList<>(uuids);
        byText.sort((a, b) -> a.toString().compareTo(b.toString()));
        assertThat(byOrder).isEqualTo(byText);
        assertThat(new HashSet<>(byOrder)).hasSize(uuids.size());
    }

    @Test
    void parse_rejectsNonUuidsNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ids.parse("1-2-3-4-5", "customerId"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
    }
}
