package org.crmkit.core.common;

/**
 * A staff member of the tenant (a sales rep, an agent) as the host identifies them. Customers,
 * requests and opportunities name their owner or assignee with it.
 *
 * @param value the host's id for the staff member, 1–128 characters
 */
public record StaffId(String value) {

    /** Validates the id. */
    public StaffId {
        value = ValidationException.requireText(value, "staffId", 128);
    }

    /** Returns the staff member with this id. */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
