/**
 * CRMKit's store over plain JDBC: {@link org.crmkit.jdbc.JdbcCrmStore} is the entry, built with
 * {@code JdbcCrmStore.create(dataSource)} or {@code JdbcCrmStore.builder(dataSource).dialect(...)},
 * and {@link org.crmkit.jdbc.JdbcDialect} names the databases it speaks (H2, PostgreSQL,
 * MariaDB/MySQL).
 *
 * <p>The store ships its schema as Flyway migrations in {@code org/crmkit/jdbc/migration/<dialect>}
 * and applies them on {@code migrate()}. Every query is parameterised; text a user typed is only ever
 * a bound value, and name search escapes it for {@code LIKE}. Everything else in this package is an
 * implementation detail and package-private.
 */
package org.crmkit.jdbc;
