package org.crmkit.core.task;

/** What a task asks staff to do. */
public enum TaskKind {
    /** Call the customer back. */
    CALL_BACK,
    /** Send the customer an offer or a quote. */
    SEND_OFFER,
    /** Visit the customer. */
    VISIT,
    /** Get back in touch, on any channel. */
    FOLLOW_UP,
    /** Anything else; the title says what. */
    OTHER
}
