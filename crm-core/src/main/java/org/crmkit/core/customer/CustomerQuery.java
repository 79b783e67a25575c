package org.crmkit.core.customer;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Which customers a list holds and in what order: filters by name prefix, kind, lifecycle stage,
 * tag and owner, all of which must hold. Archived customers are left out unless asked for.
 * Immutable; each {@code with…} returns a narrowed copy. Thread-safe.
 */
public final class CustomerQuery {
    private static final CustomerQuery ALL =
            new CustomerQuery("", null, null, null, null, false, CustomerOrder.CREATED);

    private final String namePrefix;
    private final CustomerKind kind;
    private final LifecycleStage stage;
    private final Tag tag;
    private final StaffId owner;
    private final boolean includeArchived;
    private final CustomerOrder order;

    private CustomerQuery(
            String namePrefix,
            CustomerKind kind,
            LifecycleStage stage,
            Tag tag,
            StaffId owner,
            boolean includeArchived,
            CustomerOrder order) {
        this.namePrefix = namePrefix;
        this.kind = kind;
        this.stage = stage;
        this.tag = tag;
        this.owner = owner;
        this.includeArchived = includeArchived;
        this.order = order;
    }

    /** Every active customer, oldest first. */
    public static CustomerQuery all() {
        return ALL;
    }

    /** Customers with a name key starting with {@code prefix}, ignoring case and accents, by name. */
    public static CustomerQuery nameStartsWith(String prefix) {
        return ALL.withNamePrefix(prefix).orderedBy(CustomerOrder.NAME);
    }

    /** Narrowed to names starting with {@code prefix} (see {@link NameSearch}); blank clears it. */
    public CustomerQuery withNamePrefix(String prefix) {
        ValidationException.requireNonNull(prefix, "namePrefix");
        if (prefix.length() > CustomerName.MAX_LENGTH) {
            throw new ValidationException("namePrefix", "must be at most " + CustomerName.MAX_LENGTH + " characters");
        }
        ValidationException.requireStorableText(prefix, "namePrefix");
        return new CustomerQuery(NameSearch.fold(prefix), kind, stage, tag, owner, includeArchived, order);
    }

    /** Narrowed to one kind. */
    public CustomerQuery withKind(CustomerKind kind) {
        return new CustomerQuery(
                namePrefix,
                ValidationException.requireNonNull(kind, "kind"),
                stage,
                tag,
                owner,
                includeArchived,
                order);
    }

    /** Narrowed to one lifecycle stage. */
    public CustomerQuery withStage(LifecycleStage stage) {
        return new CustomerQuery(
                namePrefix,
                kind,
                ValidationException.requireNonNull(stage, "stage"),
                tag,
                owner,
                includeArchived,
                order);
    }

    /** Narrowed to customers carrying {@code tag}. */
    public CustomerQuery withTag(Tag tag) {
        return new CustomerQuery(
                namePrefix, kind, stage, ValidationException.requireNonNull(tag, "tag"), owner, includeArchived, order);
    }

    /** Narrowed to customers owned by {@code owner}. */
    public CustomerQuery withOwner(StaffId owner) {
        return new CustomerQuery(
                namePrefix,
                kind,
                stage,
                tag,
                ValidationException.requireNonNull(owner, "owner"),
                includeArchived,
                order);
    }

    /** Widened to archived customers too. */
    public CustomerQuery includingArchived() {
        return new CustomerQuery(namePrefix, kind, stage, tag, owner, true, order);
    }

    /** The same filters in another order. */
    public CustomerQuery orderedBy(CustomerOrder order) {
        return new CustomerQuery(
                namePrefix,
                kind,
                stage,
                tag,
                owner,
                includeArchived,
                ValidationException.requireNonNull(order, "order"));
    }

    /** The folded name prefix; empty when names are not filtered. */
    public String namePrefix() {
        return namePrefix;
    }

    /** The kind filter, if any. */
    public Optional<CustomerKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The stage filter, if any. */
    public Optional<LifecycleStage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The tag filter, if any. */
    public Optional<Tag> tag() {
        return Optional.ofNullable(tag);
    }

    /** The owner filter, if any. */
    public Optional<StaffId> owner() {
        return Optional.ofNullable(owner);
    }

    /** Whether archived customers are included. */
    public boolean includesArchived() {
        return includeArchived;
    }

    /** The order of the list. */
    public CustomerOrder order() {
        return order;
    }

    /** Whether {@code customer} passes every filter: the reference rule every store must follow. */
    public boolean matches(Customer customer) {
        return (includeArchived || !customer.isArchived())
                && (kind == null || customer.kind() == kind)
                && (stage == null || customer.stage() == stage)
                && (tag == null || customer.hasTag(tag))
                && (owner == null || customer.owner().filter(owner::equals).isPresent())
                && (namePrefix.isEmpty() || NameSearch.matches(customer, namePrefix));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerQuery q
                && namePrefix.equals(q.namePrefix)
                && kind == q.kind
                && stage == q.stage
                && Objects.equals(tag, q.tag)
                && Objects.equals(owner, q.owner)
                && includeArchived == q.includeArchived
                && order == q.order;
    }

    @Override
    public int hashCode() {
        return Objects.hash(namePrefix, kind, stage, tag, owner, includeArchived, order);
    }

    @Override
    public String toString() {
        return "CustomerQuery[name^='" + namePrefix + "', kind=" + kind + ", stage=" + stage + ", tag=" + tag
                + ", owner=" + owner + ", archived=" + includeArchived + ", order=" + order + "]";
    }
}
