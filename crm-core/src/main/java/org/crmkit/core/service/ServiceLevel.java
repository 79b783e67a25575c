package org.crmkit.core.service;

import java.time.Duration;
import org.crmkit.core.common.ValidationException;

/**
 * How long a request may take: to the first response and to resolution, counted from when it was
 * opened (in business hours when the policy has them).
 *
 * @param firstResponse the time to the first response, positive
 * @param resolution the time to resolution, at least {@code firstResponse}
 */
public record ServiceLevel(Duration firstResponse, Duration resolution) {

    /** Validates the level. */
    public ServiceLevel {
        ValidationException.requireNonNull(firstResponse, "serviceLevel.firstResponse");
        ValidationException.requireNonNull(resolution, "serviceLevel.resolution");
        if (firstResponse.isNegative() || firstResponse.isZero()) {
            throw new ValidationException("serviceLevel.firstResponse", "must be positive, was " + firstResponse);
        }
        if (resolution.compareTo(firstResponse) < 0) {
            throw new ValidationException(
                    "serviceLevel.resolution",
                    "must not be shorter than the first response (" + firstResponse + "), was " + resolution);
        }
    }

    /** A level of {@code firstResponse} to the first response and {@code resolution} to resolution. */
    public static ServiceLevel of(Duration firstResponse, Duration resolution) {
        return new ServiceLevel(firstResponse, resolution);
    }
}
