package org.crmkit.core.service;

/** What a customer asks for. */
public enum RequestKind {
    /** A question to be answered. */
    QUESTION,
    /** A complaint to be handled. */
    COMPLAINT,
    /** An order or a quote to be taken. */
    ORDER,
    /** Help with a product or service. */
    SUPPORT
}
