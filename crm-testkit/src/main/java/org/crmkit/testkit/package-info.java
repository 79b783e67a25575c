/**
 * The persistence contracts of CRMKit: abstract JUnit 5 test classes that state, as tests, the
 * behaviour every store must have. The in-memory store, the JDBC and JPA stores and any store a host
 * writes itself prove themselves by passing them.
 *
 * <ul>
 *   <li>{@link org.crmkit.testkit.CustomerRepositoryContract}: round trips of every valid customer,
 *       optimistic locking, all-or-nothing {@code saveAll}, tenant isolation, archive, exact lookups,
 *       keyset paging and name search.
 *   <li>{@link org.crmkit.testkit.RelationshipRepositoryContract}: round trips, lookups from either
 *       side, optimistic locking and tenant isolation of relationships.
 *   <li>{@link org.crmkit.testkit.TransactionContract}: units of work commit or roll back as a whole,
 *       nested units join the outer one, and the work's own exception escapes.
 *   <li>{@link org.crmkit.testkit.CustomerServiceContract}: the customer service over the store,
 *       through the {@code Crm} facade: duplicate detection, events after commit only, refused
 *       changes that leave nothing behind, and changes that persist.
 *   <li>{@link org.crmkit.testkit.InteractionRepositoryContract}: round trips of every valid
 *       interaction, exact external ids, duplicates refused, all-or-nothing {@code appendAll}, tenant
 *       isolation, timeline order, keyset paging and filters against the reference rule, superseded
 *       interactions, per-channel activity, and rollback.
 *   <li>{@link org.crmkit.testkit.InteractionServiceContract}: the interaction service through the
 *       {@code Crm} facade: validation, participants of the tenant only, idempotent logging by
 *       external id, corrections, bulk logging in both modes with its report, and events after
 *       commit only.
 * </ul>
 *
 * <p>Each contract has one abstract method, {@code protected abstract CrmStore newStore()}, called
 * once before each test. A store's test is a few lines:
 *
 * <pre>{@code
 * class H2JdbcCustomerRepositoryTest extends CustomerRepositoryContract {
 *     @RegisterExtension
 *     static final TestDatabaseExtension db = TestDatabaseExtension.h2();
 *
 *     @Override
 *     protected CrmStore newStore() {
 *         return JdbcCrmStore.create(db.database().dataSource());
 *     }
 * }
 * }</pre>
 *
 * <p>Every test works in tenants with random ids, so a store may return the same database for every
 * test, even one other tests or runs have written to. Property tests (QuickTheories) run on a fixed
 * seed and print the smallest falsifying value, described in full, and the seed. To explore further
 * for one run, pass {@code -Dcrmkit.testkit.seed=<seed>} and {@code -Dcrmkit.testkit.examples=<factor>}
 * (for example 10) to the test JVM.
 *
 * <p>The generators and fixtures the contracts use are public, in {@link org.crmkit.testkit.fixtures},
 * for a host's and an adapter's own tests.
 */
package org.crmkit.testkit;
