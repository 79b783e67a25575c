package org.crmkit.core.customer;

/** A messenger or social network on which a customer has a handle. */
public enum Network {
    /** WhatsApp. */
    WHATSAPP(ContactKind.MESSENGER),
    /** Telegram. */
    TELEGRAM(ContactKind.MESSENGER),
    /** Viber. */
    VIBER(ContactKind.MESSENGER),
    /** Signal. */
    SIGNAL(ContactKind.MESSENGER),
    /** WeChat. */
    WECHAT(ContactKind.MESSENGER),
    /** LINE. */
    LINE(ContactKind.MESSENGER),
    /** Zalo. */
    ZALO(ContactKind.MESSENGER),
    /** Any other messenger. */
    OTHER_MESSENGER(ContactKind.MESSENGER),
    /** Facebook. */
    FACEBOOK(ContactKind.SOCIAL),
    /** Instagram. */
    INSTAGRAM(ContactKind.SOCIAL),
    /** LinkedIn. */
    LINKEDIN(ContactKind.SOCIAL),
    /** X (Twitter). */
    X(ContactKind.SOCIAL),
    /** TikTok. */
    TIKTOK(ContactKind.SOCIAL),
    /** VK. */
    VK(ContactKind.SOCIAL),
    /** YouTube. */
    YOUTUBE(ContactKind.SOCIAL),
    /** Any other social network. */
    OTHER_SOCIAL(ContactKind.SOCIAL);

    private final ContactKind kind;

    Network(ContactKind kind) {
        this.kind = kind;
    }

    /** Whether this is a messenger or a social network. */
    public ContactKind kind() {
        return kind;
    }
}
