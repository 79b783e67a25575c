/**
 * An optional read-through cache of customer lookups by id, in front of any store: switch it on with
 * {@code Crm.builder().cache(CacheSettings.of(...))}. Needs Caffeine on the class path (an optional
 * dependency of crm-core); it is the only package that uses it.
 */
package org.crmkit.core.cache;
