package org.crmkit.core.customer;

import java.time.Instant;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ValidationException;

/**
 * A customer's current answer to being contacted on one channel for one purpose, when it was given
 * and where it came from (a web form, a signed paper, a call). A customer has at most one consent
 * per channel and purpose; a new answer replaces the old one.
 *
 * @param channel the channel the answer is about
 * @param purpose what the contact would be for
 * @param status granted or withdrawn
 * @param at when the customer answered
 * @param source where the answer was recorded, such as {@code "web-form:newsletter"}
 */
public record Consent(Channel channel, ConsentPurpose purpose, Status status, Instant at, String source) {

    /** Whether the customer agreed. */
    public enum Status {
        /** The customer agreed. */
        GRANTED,
        /** The customer withdrew or refused. */
        WITHDRAWN
    }

    /** Validates the consent. */
    public Consent {
        ValidationException.requireNonNull(channel, "consent.channel");
        ValidationException.requireNonNull(purpose, "consent.purpose");
        ValidationException.requireNonNull(status, "consent.status");
        ValidationException.requireNonNull(at, "consent.at");
        source = ValidationException.requireText(source, "consent.source", 200);
    }

    /** Whether the customer agreed. */
    public boolean granted() {
        return status == Status.GRANTED;
    }
}
