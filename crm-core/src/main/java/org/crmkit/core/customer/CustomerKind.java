package org.crmkit.core.customer;

/** Whether a customer is a person or an organisation. */
public enum CustomerKind {
    /** A natural person. */
    PERSON,
    /** A company, association, public body or any other organisation. */
    ORGANIZATION
}
