package org.crmkit.core.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: its items in the list's order, and the cursor of the next page
 * when there may be more.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final PageCursor next;

    private Page(List<T> items, PageCursor next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /** A page after which there is more, starting at {@code next}. */
    public static <T> Page<T> of(List<T> items, PageCursor next) {
        return new Page<>(items, Objects.requireNonNull(next, "next"));
    }

    /** The last page of a list. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** The items of this page, at most the requested size; never null. */
    public List<T> items() {
        return items;
    }

    /** The cursor of the following page; empty on the last page. */
    public Optional<PageCursor> next() {
        return Optional.ofNullable(next);
    }

    /** Whether a following page may hold more items. */
    public boolean hasNext() {
        return next != null;
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> other && items.equals(other.items) && Objects.equals(next, other.next);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, next);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items, next=" + next + "]";
    }
}
