package org.crmkit.core.interaction;

/** The part a customer played in an interaction. */
public enum ParticipantRole {
    /** The customer the interaction is mainly about or with. */
    PRIMARY,
    /** Someone who took part in a meeting, visit or call besides the primary customer. */
    ATTENDEE,
    /** The customer who sent a message. */
    SENDER,
    /** A customer a message was addressed to. */
    RECIPIENT,
    /** A customer who received a copy of a message. */
    CC
}
