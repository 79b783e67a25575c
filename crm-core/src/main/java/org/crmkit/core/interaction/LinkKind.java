package org.crmkit.core.interaction;

/** The kinds of aggregate an interaction may be linked to. */
public enum LinkKind {
    /** A sales opportunity the interaction was part of. */
    OPPORTUNITY,
    /** A service request the interaction raised or answered. */
    REQUEST,
    /** A marketing campaign the interaction belonged to or responded to. */
    CAMPAIGN
}
