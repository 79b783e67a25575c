package org.crmkit.core.service;

/** The two promises a service level makes about a request. */
public enum ServiceLevelTarget {
    /** The customer hears back from staff: the request is answered, waits for the customer, or is resolved. */
    FIRST_RESPONSE,
    /** The request is resolved or closed. */
    RESOLUTION
}
