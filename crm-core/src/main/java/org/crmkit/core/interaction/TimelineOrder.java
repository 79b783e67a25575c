package org.crmkit.core.interaction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.ValidationException;

/**
 * The order of a customer's timeline, and the keyset cursor format every store shares for it.
 *
 * <p>{@link #NEWEST_FIRST} orders by {@link Interaction#occurredAt()} descending, then by id
 * descending in {@link Ids#ORDER} (unsigned, as PostgreSQL, H2 and the textual form sort UUIDs), so
 * the order is total and a cursor marks one exact position. A SQL store reads the page after a
 * cursor's {@link Position} with
 *
 * <pre>{@code
 * WHERE (occurred_at < :at OR (occurred_at = :at AND id < :id))
 * ORDER BY occurred_at DESC, id DESC
 * LIMIT :size + 1
 * }</pre>
 *
 * binding the id so that the database compares it as {@link Ids#ORDER} does (a native {@code uuid},
 * or {@code BINARY(16)} in big-endian byte order), exactly as it orders customer ids, and hands the
 * rows to {@link #page}. Thread-safe.
 */
public enum TimelineOrder {
    /** Latest occurrence first; equal occurrences by id, highest first. */
    NEWEST_FIRST;

    private static final Comparator<Position> POSITIONS = (a, b) -> {
        int byTime = b.occurredAt().compareTo(a.occurredAt());
        return byTime != 0 ? byTime : Ids.ORDER.compare(b.id(), a.id());
    };

    /** The position of {@code interaction} in this order. */
    public Position positionOf(Interaction interaction) {
        return new Position(interaction.occurredAt(), interaction.id().value());
    }

    /** Orders positions in this order: a position compares below the positions that follow it. */
    public Comparator<Position> positionComparator() {
        return POSITIONS;
    }

    /** Orders interactions in this order. */
    public Comparator<Interaction> comparator() {
        return (a, b) -> POSITIONS.compare(positionOf(a), positionOf(b));
    }

    /** The cursor of the page that starts after {@code last}. */
    public PageCursor cursorAfter(Interaction last) {
        return encode(positionOf(last));
    }

    /** The cursor of the page that starts after {@code position}. */
    public PageCursor encode(Position position) {
        String text = name() + "|" + position.occurredAt() + "|" + position.id();
        return new PageCursor(
                Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The page a store hands out after fetching up to {@code size + 1} interactions in this order:
     * the first {@code size}, with the cursor after the last of them when there was one more.
     */
    public Page<Interaction> page(List<Interaction> fetched, int size) {
        if (fetched.size() > size) {
            List<Interaction> shown = fetched.subList(0, size);
            return Page.of(shown, cursorAfter(shown.get(size - 1)));
        }
        return Page.last(fetched);
    }

    /**
     * Reads a cursor made by {@link #cursorAfter} or {@link #encode} for this order.
     *
     * @throws ValidationException naming {@code page.cursor} when the cursor was not made for a
     *     timeline in this order
     */
    public Position decode(PageCursor cursor) {
        ValidationException.requireNonNull(cursor, "page.cursor");
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("page.cursor", "is not a cursor of a timeline");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals(name())) {
            throw new ValidationException("page.cursor", "was not made for a timeline in " + this + " order");
        }
        Instant at;
        try {
            at = Instant.parse(parts[1]);
        } catch (DateTimeParseException e) {
            throw new ValidationException("page.cursor", "is not a cursor of a timeline");
        }
        return new Position(at, Ids.parse(parts[2], "page.cursor"));
    }

    /**
     * A position in a timeline.
     *
     * @param occurredAt when the interaction at this position occurred
     * @param id the id of the interaction at this position
     */
    public record Position(Instant occurredAt, UUID id) {
        /** Validates the position. */
        public Position {
            ValidationException.requireNonNull(occurredAt, "page.cursor");
            ValidationException.requireNonNull(id, "page.cursor");
        }

        /** Whether {@code interaction} comes after this position in {@link #NEWEST_FIRST} order. */
        public boolean isBefore(Interaction interaction) {
            return POSITIONS.compare(this, NEWEST_FIRST.positionOf(interaction)) < 0;
        }
    }
}
