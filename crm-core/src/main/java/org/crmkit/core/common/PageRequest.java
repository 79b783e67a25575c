package org.crmkit.core.common;

/**
 * Asks for one page of a list: at most {@code size} items after the position a previous page's
 * cursor marks. Lists are paged by keyset, never by offset, so pages stay fast and stable while
 * others write.
 */
public final class PageRequest {
    /** The largest page any store hands out. */
    public static final int MAX_SIZE = 1000;

    private final int size;
    private final PageCursor after;

    private PageRequest(int size, PageCursor after) {
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("page.size", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        this.size = size;
        this.after = after;
    }

    /**
     * Returns {@code limit}, or throws naming {@code field} when it is not between 1 and {@value
     * #MAX_SIZE}: the bound of every short list that is not paged.
     */
    public static int requireLimit(int limit, String field) {
        if (limit < 1 || limit > MAX_SIZE) {
            throw new ValidationException(field, "must be between 1 and " + MAX_SIZE + ", was " + limit);
        }
        return limit;
    }

    /** The first page of {@code size} items. */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** The page of {@code size} items after the one that returned {@code cursor}. */
    public static PageRequest after(PageCursor cursor, int size) {
        return new PageRequest(size, ValidationException.requireNonNull(cursor, "page.cursor"));
    }

    /** The most items the page may hold. */
    public int size() {
        return size;
    }

    /** Where the page starts; empty for the first page. */
    public java.util.Optional<PageCursor> after() {
        return java.util.Optional.ofNullable(after);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRequest other && size == other.size && java.util.Objects.equals(after, other.after);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(size, after);
    }

    @Override
    public String toString() {
        return "PageRequest[size=" + size + ", after=" + after + "]";
    }
}
