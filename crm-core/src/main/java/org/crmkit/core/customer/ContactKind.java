package org.crmkit.core.customer;

/** The kinds of contact point; a customer marks at most one of each kind as primary. */
public enum ContactKind {
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE,
    /** A postal address. */
    POSTAL,
    /** A messenger handle (WhatsApp, Telegram, Viber, …). */
    MESSENGER,
    /** A social-network handle (Facebook, Instagram, LinkedIn, …). */
    SOCIAL
}
