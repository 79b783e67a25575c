package org.crmkit.core.interaction;

/** Who started an interaction: the customer or the tenant. */
public enum Direction {
    /** The customer reached the tenant: an incoming call, an e-mail received, a web-form request. */
    INBOUND,
    /** The tenant reached the customer: an outgoing call, an e-mail sent, a visit paid. */
    OUTBOUND
}
