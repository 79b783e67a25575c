package org.crmkit.core.cache;

import java.time.Duration;
import org.crmkit.core.common.ValidationException;

/**
 * How the read-through cache of customer lookups by id is bounded: at most {@code maximumSize}
 * customers across all tenants, each kept at most {@code timeToLive} after it was loaded.
 *
 * <p>The cache lives in one JVM. Writes through this JVM's {@code Crm} invalidate it at once; writes by
 * another host instance sharing the database are seen only after {@code timeToLive}, so keep it short
 * when several instances write. Saves are still checked against the stored version, so a stale read
 * can fail with {@link org.crmkit.core.common.ConcurrentUpdateException} but never overwrite.
 *
 * @param maximumSize the most customers kept, at least 1
 * @param timeToLive how long a loaded customer is served from the cache, positive
 */
public record CacheSettings(long maximumSize, Duration timeToLive) {

    /** Validates the settings. */
    public CacheSettings {
        if (maximumSize < 1) {
            throw new ValidationException("cache.maximumSize", "must be at least 1");
        }
        ValidationException.requireNonNull(timeToLive, "cache.timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new ValidationException("cache.timeToLive", "must be positive");
        }
    }

    /** At most {@code maximumSize} customers, each for at most {@code timeToLive}. */
    public static CacheSettings of(long maximumSize, Duration timeToLive) {
        return new CacheSettings(maximumSize, timeToLive);
    }
}
