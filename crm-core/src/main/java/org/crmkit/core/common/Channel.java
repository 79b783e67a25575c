package org.crmkit.core.common;

/**
 * A way of reaching a customer or of being reached by one. Consent, preferred channel,
 * interactions and campaigns all speak of channels.
 */
public enum Channel {
    /** E-mail. */
    EMAIL,
    /** Voice call. */
    PHONE,
    /** Text message. */
    SMS,
    /** Letter or parcel by post. */
    POST,
    /** WhatsApp. */
    WHATSAPP,
    /** Telegram. */
    TELEGRAM,
    /** Viber. */
    VIBER,
    /** Any other messenger (Signal, WeChat, LINE, …). */
    OTHER_MESSENGER,
    /** A social network (Facebook, Instagram, LinkedIn, …). */
    SOCIAL,
    /** A meeting, in person or online. */
    MEETING,
    /** A visit to the customer's or the tenant's premises. */
    VISIT,
    /** A form on a web site. */
    WEB_FORM,
    /** Live chat on a web site or app. */
    LIVE_CHAT
}
