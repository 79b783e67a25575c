package org.crmkit.core.customer;

import org.crmkit.core.common.DuplicateException;

/**
 * A customer would share an e-mail address or phone number with a customer the tenant already
 * has. Names the existing customer so the host can offer to open it instead.
 */
public class DuplicateCustomerException extends DuplicateException {
    private static final long serialVersionUID = 1L;

    private final transient CustomerId existing;
    private final String field;
    private final String value;

    /**
     * Creates the exception.
     *
     * @param existing the customer who already has the value
     * @param field {@code "email"} or {@code "phone"}
     * @param value the normalised value both share
     */
    public DuplicateCustomerException(CustomerId existing, String existingName, String field, String value) {
        super("Customer " + existing + " ('" + existingName + "') already has " + field + " " + value
                + "; open that customer or create with DuplicatePolicy.ALLOW");
        this.existing = existing;
        this.field = field;
        this.value = value;
    }

    /** The customer who already has the value. */
    public CustomerId existing() {
        return existing;
    }

    /** Which kind of value is shared: {@code "email"} or {@code "phone"}. */
    public String field() {
        return field;
    }

    /** The normalised value both share. */
    public String value() {
        return value;
    }
}
