package org.crmkit.core.common;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The keyset cursor format of lists ordered by id alone (in {@link Ids#ORDER}, ascending): a cursor
 * holds the last id of the page before. A SQL store reads the page after it with {@code WHERE id > :id
 * ORDER BY id LIMIT :size + 1} and hands the rows to {@link #page}. Time-ordered ids make such lists
 * oldest first. Thread-safe.
 */
public final class IdCursor {
    private static final String PREFIX = "i1.";

    private IdCursor() {}

    /** The cursor of the page that starts after the item with id {@code last}. */
    public static PageCursor after(UUID last) {
        return new PageCursor(PREFIX + last);
    }

    /**
     * The id after which {@code page} starts; empty for the first page.
     *
     * @throws ValidationException naming {@code page.cursor} when the cursor was not made by {@link
     *     #after}
     */
    public static Optional<UUID> start(PageRequest page) {
        return page.after().map(cursor -> {
            String token = cursor.token();
            if (!token.startsWith(PREFIX)) {
                throw new ValidationException("page.cursor", "was not made by this list");
            }
            try {
                return Ids.parse(token.substring(PREFIX.length()), "page.cursor");
            } catch (ValidationException e) {
                throw new ValidationException("page.cursor", "was not made by this list");
            }
        });
    }

    /**
     * Cuts a page from {@code rows}, the items after the cursor in id order of which the store read at
     * most {@code size + 1}: the extra row only tells that another page follows.
     */
    public static <T> Page<T> page(List<T> rows, int size, Function<? super T, UUID> id) {
        if (rows.size() <= size) {
            return Page.last(rows);
        }
        List<T> items = rows.subList(0, size);
        return Page.of(items, after(id.apply(items.get(size - 1))));
    }
}
