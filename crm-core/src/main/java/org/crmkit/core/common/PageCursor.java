package org.crmkit.core.common;

/**
 * An opaque position in a keyset-paged list, handed out by one page to fetch the next. A host may
 * pass it through a URL; its content is the store's business and may change between versions.
 *
 * @param token the opaque position, URL-safe
 */
public record PageCursor(String token) {

    /** Validates the token. */
    public PageCursor {
        ValidationException.requireText(token, "page.cursor", 8192);
    }

    @Override
    public String toString() {
        return token;
    }
}
