package org.crmkit.core.service;

import java.time.Instant;
import org.crmkit.core.common.ValidationException;

/**
 * One passed deadline of a request.
 *
 * @param request the request, as stored after the overdue check
 * @param target which deadline passed
 * @param due when it was due
 */
public record OverdueRequest(Request request, ServiceLevelTarget target, Instant due) {

    /** Validates the entry. */
    public OverdueRequest {
        ValidationException.requireNonNull(request, "request");
        ValidationException.requireNonNull(target, "target");
        ValidationException.requireNonNull(due, "due");
    }
}
