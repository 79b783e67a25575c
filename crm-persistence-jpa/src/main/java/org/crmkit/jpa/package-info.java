/**
 * The JPA store: every CRMKit port over Jakarta Persistence, provider-neutral. Its one public type,
 * {@link org.crmkit.jpa.JpaCrmStore}, is a {@link org.crmkit.core.spi.CrmStore} over the host's
 * {@code EntityManagerFactory} (own resource-local transactions) or over the host's current {@code
 * EntityManager} (the host's transactions). Everything else is package-private or lives in {@code
 * org.crmkit.jpa.internal}, which is not API.
 *
 * <p>Schema: versioned Flyway migrations under {@value org.crmkit.jpa.JpaCrmStore#MIGRATION_LOCATION},
 * applied by {@link org.crmkit.jpa.JpaCrmStore#migrate}. The tenant leads every primary key and
 * index, and every query names the tenant.
 */
package org.crmkit.jpa;
