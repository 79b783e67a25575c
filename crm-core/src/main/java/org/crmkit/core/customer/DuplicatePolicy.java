package org.crmkit.core.customer;

/** What creating or changing a customer does when another already has its e-mail or phone. */
public enum DuplicatePolicy {
    /** Refuse with a {@link DuplicateCustomerException} that names the existing customer. */
    REJECT,
    /** Store it anyway: for people who truly share a mailbox or a landline. */
    ALLOW
}
