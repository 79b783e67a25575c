package org.crmkit.core.interaction;

import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * A customer who took part in an interaction, and in what part.
 *
 * @param customer the customer, by id
 * @param role the part the customer played
 */
public record Participant(CustomerId customer, ParticipantRole role) {

    /** Validates the participant. */
    public Participant {
        ValidationException.requireNonNull(customer, "interaction.participants.customer");
        ValidationException.requireNonNull(role, "interaction.participants.role");
    }

    /** {@code customer} in {@code role}. */
    public static Participant of(CustomerId customer, ParticipantRole role) {
        return new Participant(customer, role);
    }

    /** {@code customer} as the {@link ParticipantRole#PRIMARY} participant. */
    public static Participant primary(CustomerId customer) {
        return new Participant(customer, ParticipantRole.PRIMARY);
    }
}
