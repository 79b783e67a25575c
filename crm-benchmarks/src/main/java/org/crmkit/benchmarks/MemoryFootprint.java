package org.crmkit.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.memory.MemoryCrmStore;

/**
 * Measures how much heap a {@link MemoryCrmStore} retains for a number of customers: how much memory
 * does the in-memory store need per customer?
 *
 * <p>Fills one tenant with customers from {@link CustomerDataGenerator} (seed
 * {@value CustomerLookupBenchmark#SEED}, the data of {@link CustomerLookupBenchmark}) through the
 * facade, keeping nothing but the store, and compares the live heap before and after. The live heap
 * is measured two ways, which should agree: heap used right after full collections (the least of
 * five {@code System.gc()} rounds), and the byte total of the JVM's class histogram of live objects
 * ({@code GC.class_histogram}, itself after a full collection). With {@code --histogram} it also
 * prints the classes that grew most, which shows where the bytes go.
 *
 * <pre>
 * java -Xmx6g -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.MemoryFootprint 1000000 [--histogram]
 * </pre>
 *
 * <p>The figure depends on the JVM's object layout: with compressed oops (heaps below 32 GB, the
 * default) references and headers are smaller than without. Run with the default collector; the tool
 * prints which one it used. Not thread-safe; a command-line program.
 */
public final class MemoryFootprint {
    private static final TenantId TENANT = TenantId.of("footprint");

    private MemoryFootprint() {}

    /**
     * Runs the measurement.
     *
     * @param args the number of customers (default 1,000,000), and {@code --histogram} for the
     *     classes that grew most
     * @throws Exception when the JVM's diagnostic commands are unavailable
     */
    public static void main(String[] args) throws Exception {
        int customers = Arrays.stream(args)
                .filter(a -> !a.startsWith("--"))
                .findFirst()
                .map(a -> Integer.parseInt(a.replace("_", "")))
                .orElse(1_000_000);
        boolean histogram = Arrays.asList(args).contains("--histogram");
        CustomerDataGenerator generator = new CustomerDataGenerator(CustomerLookupBenchmark.SEED);

        // load and initialise every class the fill needs, in a store that is dropped again
        fill(generator, 10_000);

        long usedBefore = settledHeapUsed();
        Map<String, long[]> before = classHistogram();
        long start = System.nanoTime();
        MemoryCrmStore store = fill(generator, customers);
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        long usedAfter = settledHeapUsed();
        Map<String, long[]> after = classHistogram();
        long stored = Crm.builder()
                .store(store)
                .build()
                .forTenant(TENANT)
                .as(Actor.system("footprint"))
                .customers()
                .count(CustomerQuery.all());
        Reference.reachabilityFence(store);

        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        System.out.printf(
                Locale.ROOT,
                "MemoryFootprint: %,d customers (store holds %,d) filled through the Crm facade in %.1f s%n",
                customers,
                stored,
                fillSeconds);
        System.out.printf(
                Locale.ROOT,
                "JVM %s %s, GC %s, max heap %,d MB, compressed oops %s%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")),
                Runtime.getRuntime().maxMemory() >> 20,
                hotspot.getVMOption("UseCompressedOops").getValue());
        report("heap used after full GC", usedBefore, usedAfter, customers);
        report("live objects (class histogram)", total(before), total(after), customers);
        if (histogram) {
            printGrowth(before, after, customers);
        }
    }

    private static MemoryCrmStore fill(CustomerDataGenerator generator, int customers) {
        MemoryCrmStore store = MemoryCrmStore.create();
        CustomerService service = Crm.builder()
                .store(store)
                .build()
                .forTenant(TENANT)
                .as(Actor.system("footprint"))
                .customers();
        for (int i = 0; i < customers; i++) {
            service.create(generator.spec(i).toDraft());
        }
        return store;
    }

    private static void report(String what, long before, long after, int customers) {
        long retained = after - before;
        System.out.printf(
                Locale.ROOT,
                "%-32s before %,9.1f MB, after %,9.1f MB: the store retains %,9.1f MB = %,6d bytes per customer%n",
                what,
                before / 1048576.0,
                after / 1048576.0,
                retained / 1048576.0,
                retained / customers);
    }

    /** Heap used after full collections: the least of several, so a stray allocation does not count. */
    private static long settledHeapUsed() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** The class histogram of live objects: class name to {instances, bytes}; "Total" holds the sums. */
    private static Map<String, long[]> classHistogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            } else if (f.length == 3 && f[0].equals("Total")) {
                classes.put("Total", new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    private static long total(Map<String, long[]> histogram) {
        return histogram.getOrDefault("Total", new long[2])[1];
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int customers) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        after.forEach((name, now) -> {
            if (!name.equals("Total")) {
                long[] then = before.getOrDefault(name, new long[2]);
                grown.add(Map.entry(name, new long[] {now[0] - then[0], now[1] - then[1]}));
            }
        });
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        System.out.printf(
                Locale.ROOT, "%nclasses that grew most:%n%14s %10s %9s  %s%n", "instances", "MB", "B/cust", "class");
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(25, grown.size()))) {
            System.out.printf(
                    Locale.ROOT,
                    "%,14d %10.1f %9.1f  %s%n",
                    e.getValue()[0],
                    e.getValue()[1] / 1048576.0,
                    (double) e.getValue()[1] / customers,
                    e.getKey());
        }
    }
}
