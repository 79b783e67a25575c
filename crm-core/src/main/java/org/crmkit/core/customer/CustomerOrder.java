package org.crmkit.core.customer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.ValidationException;

/**
 * The orders a customer list can have. Both end on the id, so every order is total and a keyset
 * cursor marks one exact position. The cursor format is shared by all stores.
 */
public enum CustomerOrder {
    /** Oldest first: ids are time-ordered, so by id. */
    CREATED,
    /** By folded display name ({@link NameSearch#sortKey}), then id. */
    NAME;

    /** The position of {@code customer} in this order. */
    public Position positionOf(Customer customer) {
        return new Position(
                this == NAME ? NameSearch.sortKey(customer) : "", customer.id().value());
    }

    /** Orders customers in this order. */
    public Comparator<Customer> comparator() {
        Comparator<Customer> byId = Comparator.comparing(c -> c.id().value(), Ids.ORDER);
        return this == NAME
                ? Comparator.comparing(NameSearch::sortKey, NameSearch.KEY_ORDER)
                        .thenComparing(byId)
                : byId;
    }

    /** The cursor of the page that starts after {@code last}. */
    public PageCursor cursorAfter(Customer last) {
        Position position = positionOf(last);
        String text = name() + "|" + position.id() + "|" + position.sortKey();
        return new PageCursor(
                Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The page a store hands out after fetching up to {@code size + 1} customers in this order: the
     * first {@code size}, with the cursor after the last of them when there was one more.
     */
    public org.crmkit.core.common.Page<Customer> page(java.util.List<Customer> fetched, int size) {
        if (fetched.size() > size) {
            java.util.List<Customer> shown = fetched.subList(0, size);
            return org.crmkit.core.common.Page.of(shown, cursorAfter(shown.get(size - 1)));
        }
        return org.crmkit.core.common.Page.last(fetched);
    }

    /**
     * Reads a cursor made by {@link #cursorAfter} for this order.
     *
     * @throws ValidationException when the cursor was not made for this order
     */
    public Position decode(PageCursor cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("page.cursor", "is not a cursor of a customer list");
        }
        int first = text.indexOf('|');
        int second = first < 0 ? -1 : text.indexOf('|', first + 1);
        if (second < 0 || !text.substring(0, first).equals(name())) {
            throw new ValidationException("page.cursor", "was not made for a customer list in " + this + " order");
        }
        return new Position(text.substring(second + 1), Ids.parse(text.substring(first + 1, second), "page.cursor"));
    }

    /**
     * A position in a customer list.
     *
     * @param sortKey the folded name for {@link #NAME}, empty for {@link #CREATED}
     * @param id the id of the customer at this position
     */
    public record Position(String sortKey, UUID id) {
        /** Whether {@code customer} comes after this position in {@code order}. */
        public boolean isBefore(Customer customer, CustomerOrder order) {
            int byKey = order == NAME ? NameSearch.KEY_ORDER.compare(NameSearch.sortKey(customer), sortKey) : 0;
            return byKey > 0 || (byKey == 0 && Ids.ORDER.compare(customer.id().value(), id) > 0);
        }
    }
}
