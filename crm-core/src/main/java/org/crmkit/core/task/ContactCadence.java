package org.crmkit.core.task;

import java.util.regex.Pattern;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerQuery;

/**
 * A contact-cadence rule: "customers in {@code audience} not contacted for {@code days} days get a
 * {@code followUp} task". A customer is <em>lapsed</em> when neither an interaction (one no
 * correction superseded) nor the customer's creation is within the last {@code days} days. Running
 * the rule creates one task per lapse: a customer who stays lapsed gets no second task, however
 * often or concurrently the rule runs, and gets a new one only after a later contact has lapsed too.
 *
 * @param name the rule's name, unique per tenant: 1–64 letters, digits, {@code _}, {@code -} or {@code .}
 * @param audience which customers the rule watches (stage, tag, owner, kind; archived ones never)
 * @param days how many days without contact make a customer lapsed, 1–3650
 * @param followUp the task to create
 */
public record ContactCadence(String name, CustomerQuery audience, int days, FollowUp followUp) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    /** Validates the rule. */
    public ContactCadence {
        ValidationException.requireNonNull(name, "cadence.name");
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException(
                    "cadence.name", "must be 1-64 letters, digits, '_', '-' or '.', was '" + name + "'");
        }
        ValidationException.requireNonNull(audience, "cadence.audience");
        if (!audience.namePrefix().isEmpty()) {
            throw new ValidationException("cadence.audience", "must not search by name");
        }
        if (audience.includesArchived()) {
            throw new ValidationException("cadence.audience", "must not include archived customers");
        }
        if (days < 1 || days > 3650) {
            throw new ValidationException("cadence.days", "must be between 1 and 3650, was " + days);
        }
        ValidationException.requireNonNull(followUp, "cadence.followUp");
    }
}
