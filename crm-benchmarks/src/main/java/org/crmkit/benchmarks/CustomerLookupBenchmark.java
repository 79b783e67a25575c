package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.memory.MemoryCrmStore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does the in-memory store create customers and look them up by id and by e-mail, at 100k
 * and 1M customers?
 *
 * <p>Data: one tenant of {@code customers} = 100,000 or 1,000,000 customers from
 * {@link CustomerDataGenerator} (seed {@value #SEED}), created through the facade
 * ({@code crm.forTenant(..).as(..).customers().create(draft)}) exactly as a host would, so the store
 * holds the same indexes it holds in production. Every operation goes through the
 * {@link CustomerService} of one scope, on one thread:
 *
 * <ul>
 *   <li>{@link #createCustomer}: {@code toDraft()} (e-mail parsing) and {@code create}, which builds and
 *       validates the customer, normalises its phone, checks every e-mail and phone for duplicates
 *       and stores it with all its indexes. The score includes making the input with the generator;
 *       {@link #baselineGenerateSpec} measures that part alone. The store grows by every created
 *       customer, and the store has no delete: before an iteration, once it has grown by more than
 *       {@value #GROWTH_BUDGET_PERCENT}% over {@code customers}, it is filled afresh (outside the
 *       measured time). So creates are measured at {@code customers} to about 1.1 &times; that plus one
 *       iteration's creates; the fork prints the size after each iteration. Refilling 1M customers
 *       takes about a minute, so the create iterations are short (2 s); the JIT is warm from the
 *       fill, which runs the same code a million times.
 *   <li>{@link #findById}: {@code get} of a uniformly random existing customer; the id is built fresh
 *       from its UUID bits, as a host parses it from a request.
 *   <li>{@link #findByEmail}: {@code findByEmail} of a uniformly random existing e-mail address (a
 *       customer has one or two), a copy of the string the customer was created with.
 * </ul>
 *
 * <p>Run, after {@code mvn -pl crm-benchmarks -am package -DskipTests} (the fork gets
 * {@code -Xms8g -Xmx8g}; each trial starts by filling the store, about 6 s for 100k and 60 s for 1M
 * customers on a 2-core machine; the whole class takes about 10 minutes):
 *
 * <pre>
 * java -jar crm-benchmarks/target/benchmarks.jar CustomerLookupBenchmark
 * </pre>
 *
 * The annotations give 1 fork, 3 &times; 5 s warm-up and 5 &times; 5 s measurement for the lookups,
 * 2 &times; 2 s and 5 &times; 2 s for {@code createCustomer}; {@code -w}/{@code -r} on the command line
 * would override both. Add {@code -p customers=100000} for one size only, or {@code -prof gc} for
 * allocation per operation (for {@code createCustomer} that figure also counts the refills, which
 * JMH runs inside the profiled iteration).
 *
 * <p>JMH makes and drives the instances; the states are shared as their {@link Scope} says, and the
 * benchmarks also run with {@code -t} threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class CustomerLookupBenchmark {
    /** The seed of every customer this benchmark makes. */
    public static final long SEED = 20_240_611L;

    /** How far, in percent of {@code customers}, creates may grow the store before it is filled afresh. */
    public static final int GROWTH_BUDGET_PERCENT = 10;

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Actor ACTOR = Actor.system("benchmark");

    /** One tenant's customers in a {@link MemoryCrmStore}, and the keys to look them up by. */
    @State(Scope.Benchmark)
    public static class Customers {
        /** How many customers the store holds at the start of each iteration. */
        @Param({"100000", "1000000"})
        public int customers;

        final CustomerDataGenerator generator = new CustomerDataGenerator(SEED);
        final AtomicLong nextIndex = new AtomicLong();
        CustomerService service;
        long[] idBits;
        String[] emails;

        /** Fills a new store with {@code customers} customers through the facade. */
        @Setup(Level.Trial)
        public void fill() {
            service = null; // let the previous store go before the next one is filled
            idBits = null;
            emails = null;
            System.gc();
            long start = System.nanoTime();
            Crm crm = Crm.builder().store(MemoryCrmStore.create()).build();
            CustomerService fresh = crm.forTenant(TENANT).as(ACTOR).customers();
            long[] bits = new long[2 * customers];
            List<String> addresses = new ArrayList<>(customers * 3 / 2);
            for (int i = 0; i < customers; i++) {
                CustomerSpec spec = generator.spec(i);
                UUID id = fresh.create(spec.toDraft()).id().value();
                bits[2 * i] = id.getMostSignificantBits();
                bits[2 * i + 1] = id.getLeastSignificantBits();
                for (String email : spec.emails()) {
                    addresses.add(new String(email)); // not the instance the store keys on
                }
            }
            service = fresh;
            idBits = bits;
            emails = addresses.toArray(String[]::new);
            nextIndex.set(customers);
            System.gc();
            System.out.printf(
                    Locale.ROOT,
                    "%n# filled %,d customers (%,d e-mails) in %.1f s%n",
                    customers,
                    emails.length,
                    (System.nanoTime() - start) / 1e9);
        }

        /** Fills the store afresh once creates have grown it beyond the growth budget. */
        @Setup(Level.Iteration)
        public void resetAfterCreates() {
            if (nextIndex.get() - customers > (long) customers * GROWTH_BUDGET_PERCENT / 100) {
                fill();
            }
        }

        /** Prints how far the store grew in the iteration, when it grew. */
        @TearDown(Level.Iteration)
        public void reportGrowth() {
            long created = nextIndex.get() - customers;
            if (created > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%n# store holds %,d customers, %,d (%.0f%%) more than it was filled with%n",
                        customers + created,
                        created,
                        100.0 * created / customers);
            }
        }
    }

    /** Each thread's own source of random picks. */
    @State(Scope.Thread)
    public static class Picks {
        final SplittableRandom random = new SplittableRandom(SEED);
    }

    /** A generator for the baseline, independent of the store. */
    @State(Scope.Thread)
    public static class Inputs {
        final CustomerDataGenerator generator = new CustomerDataGenerator(SEED);
        long next = 1_000_000L;
    }

    /** Creates one new customer through {@link CustomerService#create}. */
    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Customer createCustomer(Customers state) {
        return state.service.create(
                state.generator.spec(state.nextIndex.getAndIncrement()).toDraft());
    }

    /** Reads one random existing customer by id through {@link CustomerService#get}. */
    @Benchmark
    public Customer findById(Customers state, Picks picks) {
        int i = picks.random.nextInt(state.customers);
        return state.service.get(new CustomerId(new UUID(state.idBits[2 * i], state.idBits[2 * i + 1])));
    }

    /** Finds the customer of one random existing e-mail address through {@link CustomerService#findByEmail}. */
    @Benchmark
    public List<Customer> findByEmail(Customers state, Picks picks) {
        return state.service.findByEmail(state.emails[picks.random.nextInt(state.emails.length)]);
    }

    /** The generator's share of {@link #createCustomer}: making one customer's input, no store involved. */
    @Benchmark
    public CustomerSpec baselineGenerateSpec(Inputs inputs) {
        return inputs.generator.spec(inputs.next++);
    }
}
