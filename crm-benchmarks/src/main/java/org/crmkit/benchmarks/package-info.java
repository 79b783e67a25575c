/**
 * JMH benchmarks of CRMKit and the seeded data they run on. Each benchmark class answers one
 * question and states it, its data size and its command line in its Javadoc:
 * {@link org.crmkit.benchmarks.CustomerLookupBenchmark} (create and look up customers in the
 * in-memory store). {@link org.crmkit.benchmarks.MemoryFootprint} measures the heap the in-memory
 * store retains per customer. {@link org.crmkit.benchmarks.CustomerDataGenerator} makes the
 * customers, the same for the same seed.
 *
 * <p>Build the runnable jar with {@code mvn -pl crm-benchmarks -am package -DskipTests}, then
 * {@code java -jar crm-benchmarks/target/benchmarks.jar <benchmark> [JMH options]}.
 */
package org.crmkit.benchmarks;
