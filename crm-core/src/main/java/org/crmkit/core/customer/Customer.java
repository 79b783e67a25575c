package org.crmkit.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;

/**
 * A person or an organisation the tenant does business with: the aggregate at the centre of
 * CRMKit. It holds the customer's names, contact points, consent, tags, custom attributes,
 * lifecycle stage and owner.
 *
 * <p>Immutable: every {@code with…} method returns a changed copy with the same {@link #version()},
 * which a store checks when the copy is saved (optimistic locking). Obtain customers from the
 * {@link CustomerService}; stores rebuild them with {@link #builder}. Thread-safe.
 */
public final class Customer {
    /** The most contact points one customer may hold. */
    public static final int MAX_CONTACT_POINTS = 100;
    /** The most tags one customer may hold. */
    public static final int MAX_TAGS = 200;
    /** The most custom attributes one customer may hold. */
    public static final int MAX_ATTRIBUTES = 200;

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");

    private final CustomerId id;
    private final TenantId tenant;
    private final CustomerName name;
    private final String displayName;
    private final List<ContactPoint> contactPoints;
    private final List<EmailAddress> emails;
    private final List<PhoneNumber> phones;
    private final LocalDate birthday;
    private final Channel preferredChannel;
    private final Locale preferredLanguage;
    private final List<Consent> consents;
    private final SortedSet<Tag> tags;
    private final SortedMap<String, AttributeValue> attributes;
    private final LifecycleStage stage;
    private final StaffId owner;
    private final Instant archivedAt;
    private final Audit audit;
    private final long version;

    private Customer(Builder b) {
        this.id = ValidationException.requireNonNull(b.id, "id");
        this.tenant = ValidationException.requireNonNull(b.tenant, "tenant");
        this.name = ValidationException.requireNonNull(b.name, "name");
        this.displayName = b.displayName == null || b.displayName.isBlank()
                ? name.fullName()
                : ValidationException.requireText(b.displayName, "displayName", CustomerName.MAX_LENGTH);
        this.contactPoints = normaliseContactPoints(b.contactPoints);
        this.emails = contactPoints.stream()
                .filter(ContactPoint.Email.class::isInstance)
                .map(ContactPoint.Email.class::cast)
                .sorted((x, y) -> Boolean.compare(y.primary(), x.primary()))
                .map(ContactPoint.Email::address)
                .toList();
        this.phones = contactPoints.stream()
                .filter(ContactPoint.Phone.class::isInstance)
                .map(ContactPoint.Phone.class::cast)
                .sorted((x, y) -> Boolean.compare(y.primary(), x.primary()))
                .map(ContactPoint.Phone::number)
                .toList();
        this.birthday = b.birthday;
        this.preferredChannel = b.preferredChannel;
        this.preferredLanguage = checkLanguage(b.preferredLanguage);
        this.consents = checkConsents(b.consents);
        this.tags = checkTags(b.tags);
        this.attributes = checkAttributes(b.attributes);
        this.stage = ValidationException.requireNonNull(b.stage, "stage");
        this.owner = b.owner;
        this.archivedAt = b.archivedAt;
        this.audit = ValidationException.requireNonNull(b.audit, "audit");
        if (b.version < 0) {
            throw new ValidationException("version", "must not be negative");
        }
        this.version = b.version;
    }

    /**
     * Starts a customer with the parts every customer has. Services use it to create customers and
     * stores to rebuild them; hosts create customers through {@link CustomerService#create}.
     */
    public static Builder builder(CustomerId id, TenantId tenant, CustomerName name, Audit audit) {
        return new Builder(id, tenant, name, audit);
    }

    /** The customer's id. */
    public CustomerId id() {
        return id;
    }

    /** The tenant the customer belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** Person or organisation, from the kind of {@link #name()}. */
    public CustomerKind kind() {
        return name.kind();
    }

    /** The formal name. */
    public CustomerName name() {
        return name;
    }

    /** The name shown in lists; the full name unless set otherwise. */
    public String displayName() {
        return displayName;
    }

    /** All contact points in the order they were given; one of each kind present is primary. */
    public List<ContactPoint> contactPoints() {
        return contactPoints;
    }

    /** The e-mail addresses, primary first. */
    public List<EmailAddress> emails() {
        return emails;
    }

    /** The phone numbers, primary first. */
    public List<PhoneNumber> phones() {
        return phones;
    }

    /** The primary contact point of {@code kind}, if the customer has one of that kind. */
    public Optional<ContactPoint> primary(ContactKind kind) {
        return contactPoints.stream()
                .filter(c -> c.kind() == kind && c.primary())
                .findFirst();
    }

    /** The birthday, if known. */
    public Optional<LocalDate> birthday() {
        return Optional.ofNullable(birthday);
    }

    /** The channel the customer prefers to be reached on, if known. */
    public Optional<Channel> preferredChannel() {
        return Optional.ofNullable(preferredChannel);
    }

    /** The language the customer prefers, if known. */
    public Optional<Locale> preferredLanguage() {
        return Optional.ofNullable(preferredLanguage);
    }

    /** The consents on record, at most one per channel and purpose, in the order they were given. */
    public List<Consent> consents() {
        return consents;
    }

    /** The consent on record for {@code channel} and {@code purpose}, if any. */
    public Optional<Consent> consent(Channel channel, ConsentPurpose purpose) {
        return consents.stream()
                .filter(c -> c.channel() == channel && c.purpose().equals(purpose))
                .findFirst();
    }

    /** Whether the customer has granted (and not withdrawn) consent for this channel and purpose. */
    public boolean hasConsent(Channel channel, ConsentPurpose purpose) {
        return consent(channel, purpose).map(Consent::granted).orElse(false);
    }

    /** The tags, sorted. */
    public SortedSet<Tag> tags() {
        return tags;
    }

    /** Whether the customer carries {@code tag}. */
    public boolean hasTag(Tag tag) {
        return tags.contains(tag);
    }

    /** The custom attributes by key, sorted by key. */
    public SortedMap<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The custom attribute {@code key}, if set. */
    public Optional<AttributeValue> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The lifecycle stage. */
    public LifecycleStage stage() {
        return stage;
    }

    /** The staff member who owns the relationship, if assigned. */
    public Optional<StaffId> owner() {
        return Optional.ofNullable(owner);
    }

    /** When the customer was archived; empty while active. */
    public Optional<Instant> archivedAt() {
        return Optional.ofNullable(archivedAt);
    }

    /** Whether the customer is archived: hidden from lists, still found by id. */
    public boolean isArchived() {
        return archivedAt != null;
    }

    /** When and by whom the customer was created and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version this instance was read at; 0 before the first save. */
    public long version() {
        return version;
    }

    /** A copy with another display name; blank means the full name. */
    public Customer withDisplayName(String displayName) {
        return toBuilder().displayName(displayName).build();
    }

    /** A copy with another formal name; the display name follows when it was the full name. */
    public Customer withName(CustomerName name) {
        ValidationException.requireNonNull(name, "name");
        if (name.kind() != kind()) {
            throw new ValidationException("name", "a " + kind() + " cannot take the name of a " + name.kind());
        }
        Builder b = toBuilder().name(name);
        if (displayName.equals(this.name.fullName())) {
            b.displayName(null);
        }
        return b.build();
    }

    /** A copy with these contact points instead of the current ones. */
    public Customer withContactPoints(List<? extends ContactPoint> contactPoints) {
        return toBuilder().contactPoints(contactPoints).build();
    }

    /** A copy with {@code contactPoint} added; made primary of its kind when {@code primary()} says so. */
    public Customer withContactPoint(ContactPoint contactPoint) {
        ValidationException.requireNonNull(contactPoint, "contactPoint");
        List<ContactPoint> next = new ArrayList<>(contactPoints.size() + 1);
        for (ContactPoint c : contactPoints) {
            next.add(contactPoint.primary() && c.kind() == contactPoint.kind() ? c.withPrimary(false) : c);
        }
        next.add(contactPoint);
        return withContactPoints(next);
    }

    /** A copy without the contact point with the same kind and value as {@code contactPoint}. */
    public Customer withoutContactPoint(ContactPoint contactPoint) {
        ValidationException.requireNonNull(contactPoint, "contactPoint");
        return withContactPoints(contactPoints.stream()
                .filter(c -> !(c.kind() == contactPoint.kind() && c.key().equals(contactPoint.key())))
                .toList());
    }

    /** A copy with this birthday. */
    public Customer withBirthday(LocalDate birthday) {
        return toBuilder()
                .birthday(ValidationException.requireNonNull(birthday, "birthday"))
                .build();
    }

    /** A copy without a birthday. */
    public Customer withoutBirthday() {
        return toBuilder().birthday(null).build();
    }

    /** A copy with this preferred channel. */
    public Customer withPreferredChannel(Channel channel) {
        return toBuilder()
                .preferredChannel(ValidationException.requireNonNull(channel, "preferredChannel"))
                .build();
    }

    /** A copy without a preferred channel. */
    public Customer withoutPreferredChannel() {
        return toBuilder().preferredChannel(null).build();
    }

    /** A copy with this preferred language. */
    public Customer withPreferredLanguage(Locale language) {
        return toBuilder()
                .preferredLanguage(ValidationException.requireNonNull(language, "preferredLanguage"))
                .build();
    }

    /** A copy without a preferred language. */
    public Customer withoutPreferredLanguage() {
        return toBuilder().preferredLanguage(null).build();
    }

    /** A copy with {@code consent} replacing any earlier answer for its channel and purpose. */
    public Customer withConsent(Consent consent) {
        ValidationException.requireNonNull(consent, "consent");
        List<Consent> next = new ArrayList<>(consents.size() + 1);
        for (Consent c : consents) {
            if (!(c.channel() == consent.channel() && c.purpose().equals(consent.purpose()))) {
                next.add(c);
            }
        }
        next.add(consent);
        return toBuilder().consents(next).build();
    }

    /** A copy with {@code tags} added. */
    public Customer withTags(Collection<Tag> tags) {
        Set<Tag> next = new TreeSet<>(this.tags);
        next.addAll(ValidationException.requireNonNull(tags, "tags"));
        return toBuilder().tags(next).build();
    }

    /** A copy with {@code tags} removed. */
    public Customer withoutTags(Collection<Tag> tags) {
        Set<Tag> next = new TreeSet<>(this.tags);
        next.removeAll(ValidationException.requireNonNull(tags, "tags"));
        return toBuilder().tags(next).build();
    }

    /** A copy with the custom attribute {@code key} set to {@code value}. */
    public Customer withAttribute(String key, AttributeValue value) {
        Map<String, AttributeValue> next = new TreeMap<>(attributes);
        next.put(key, ValidationException.requireNonNull(value, "attributes." + key));
        return toBuilder().attributes(next).build();
    }

    /** A copy without the custom attribute {@code key}. */
    public Customer withoutAttribute(String key) {
        Map<String, AttributeValue> next = new TreeMap<>(attributes);
        next.remove(key);
        return toBuilder().attributes(next).build();
    }

    /**
     * A copy moved to lifecycle stage {@code next}.
     *
     * @throws org.crmkit.core.common.IllegalTransitionException when the move is not allowed
     */
    public Customer withStage(LifecycleStage next) {
        ValidationException.requireNonNull(next, "stage");
        if (next == stage) {
            return this;
        }
        stage.checkMoveTo(next, id);
        return toBuilder().stage(next).build();
    }

    /** A copy owned by {@code owner}. */
    public Customer withOwner(StaffId owner) {
        return toBuilder()
                .owner(ValidationException.requireNonNull(owner, "owner"))
                .build();
    }

    /** A copy with no owner. */
    public Customer withoutOwner() {
        return toBuilder().owner(null).build();
    }

    /** A copy archived at {@code at}; an archived customer stays archived at its first time. */
    public Customer archived(Instant at) {
        return isArchived()
                ? this
                : toBuilder()
                        .archivedAt(ValidationException.requireNonNull(at, "archivedAt"))
                        .build();
    }

    /** A copy that is active again. */
    public Customer unarchived() {
        return isArchived() ? toBuilder().archivedAt(null).build() : this;
    }

    /** A copy marked as changed at {@code at} by {@code actor}; services call it before saving. */
    public Customer touched(Instant at, Actor actor) {
        return toBuilder().audit(audit.changed(at, actor)).build();
    }

    /** A copy at {@code version}; stores call it with the version they stored. */
    public Customer withVersion(long version) {
        return toBuilder().version(version).build();
    }

    /** A builder holding this customer's state, for stores and services. */
    public Builder toBuilder() {
        return new Builder(id, tenant, name, audit)
                .displayName(displayName)
                .contactPoints(contactPoints)
                .birthday(birthday)
                .preferredChannel(preferredChannel)
                .preferredLanguage(preferredLanguage)
                .consents(consents)
                .tags(tags)
                .attributes(attributes)
                .stage(stage)
                .owner(owner)
                .archivedAt(archivedAt)
                .version(version);
    }

    /** Two customers are equal when all their state, version included, is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c
                && version == c.version
                && id.equals(c.id)
                && tenant.equals(c.tenant)
                && name.equals(c.name)
                && displayName.equals(c.displayName)
                && contactPoints.equals(c.contactPoints)
                && Objects.equals(birthday, c.birthday)
                && preferredChannel == c.preferredChannel
                && Objects.equals(preferredLanguage, c.preferredLanguage)
                && consents.equals(c.consents)
                && tags.equals(c.tags)
                && attributes.equals(c.attributes)
                && stage == c.stage
                && Objects.equals(owner, c.owner)
                && Objects.equals(archivedAt, c.archivedAt)
                && audit.equals(c.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Customer[" + id + " " + kind() + " '" + displayName + "' " + stage + " v" + version
                + (isArchived() ? " archived" : "") + "]";
    }

    private static List<ContactPoint> normaliseContactPoints(List<ContactPoint> given) {
        if (given.size() > MAX_CONTACT_POINTS) {
            throw new ValidationException("contactPoints", "at most " + MAX_CONTACT_POINTS + " are allowed");
        }
        Set<String> seen = new HashSet<>();
        Map<ContactKind, Integer> primaries = new EnumMap<>(ContactKind.class);
        for (int i = 0; i < given.size(); i++) {
            ContactPoint c = ValidationException.requireNonNull(given.get(i), "contactPoints[" + i + "]");
            if (!seen.add(c.kind() + "|" + c.key())) {
                throw new ValidationException("contactPoints[" + i + "]", "repeats " + c.key());
            }
            if (c.primary() && primaries.put(c.kind(), i) != null) {
                throw new ValidationException(
                        "contactPoints[" + i + "]", "a second primary " + c.kind() + "; only one may be primary");
            }
        }
        List<ContactPoint> result = new ArrayList<>(given.size());
        for (ContactPoint c : given) {
            if (!primaries.containsKey(c.kind())) {
                primaries.put(c.kind(), -1);
                result.add(c.withPrimary(true));
            } else {
                result.add(c);
            }
        }
        return List.copyOf(result);
    }

    private static Locale checkLanguage(Locale language) {
        if (language != null && language.getLanguage().isEmpty()) {
            throw new ValidationException("preferredLanguage", "must name a language, as in 'vi' or 'pt-BR'");
        }
        return language;
    }

    private static List<Consent> checkConsents(List<Consent> given) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Consent c = ValidationException.requireNonNull(given.get(i), "consents[" + i + "]");
            if (!seen.add(c.channel() + "|" + c.purpose())) {
                throw new ValidationException(
                        "consents[" + i + "]", "a second answer for " + c.channel() + "/" + c.purpose());
            }
        }
        return List.copyOf(given);
    }

    private static SortedSet<Tag> checkTags(Collection<Tag> given) {
        if (given.size() > MAX_TAGS) {
            throw new ValidationException("tags", "at most " + MAX_TAGS + " are allowed");
        }
        if (given.isEmpty()) {
            return Collections.emptySortedSet();
        }
        TreeSet<Tag> result = new TreeSet<>();
        for (Tag t : given) {
            result.add(ValidationException.requireNonNull(t, "tags"));
        }
        return Collections.unmodifiableSortedSet(result);
    }

    private static SortedMap<String, AttributeValue> checkAttributes(Map<String, AttributeValue> given) {
        if (given.size() > MAX_ATTRIBUTES) {
            throw new ValidationException("attributes", "at most " + MAX_ATTRIBUTES + " are allowed");
        }
        if (given.isEmpty()) {
            return Collections.emptySortedMap();
        }
        TreeMap<String, AttributeValue> result = new TreeMap<>();
        given.forEach((key, value) -> {
            if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
                throw new ValidationException(
                        "attributes",
                        "key '" + key + "' must start with a letter and hold 1-64 letters, digits, '_', '.' or '-'");
            }
            result.put(key, ValidationException.requireNonNull(value, "attributes." + key));
        });
        return Collections.unmodifiableSortedMap(result);
    }

    /**
     * Assembles a {@link Customer}. Not thread-safe; {@link #build()} validates and copies, so the
     * builder may be reused.
     */
    public static final class Builder {
        private final CustomerId id;
        private final TenantId tenant;
        private CustomerName name;
        private Audit audit;
        private String displayName;
        private List<ContactPoint> contactPoints = List.of();
        private LocalDate birthday;
        private Channel preferredChannel;
        private Locale preferredLanguage;
        private List<Consent> consents = List.of();
        private Collection<Tag> tags = List.of();
        private Map<String, AttributeValue> attributes = Map.of();
        private LifecycleStage stage = LifecycleStage.LEAD;
        private StaffId owner;
        private Instant archivedAt;
        private long version;

        private Builder(CustomerId id, TenantId tenant, CustomerName name, Audit audit) {
            this.id = id;
            this.tenant = tenant;
            this.name = name;
            this.audit = audit;
        }

        /** The formal name. */
        public Builder name(CustomerName name) {
            this.name = name;
            return this;
        }

        /** When and by whom the customer was created and last changed. */
        public Builder audit(Audit audit) {
            this.audit = audit;
            return this;
        }

        /** The display name; null or blank means the full name. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The contact points. */
        public Builder contactPoints(List<? extends ContactPoint> contactPoints) {
            this.contactPoints = new ArrayList<>(ValidationException.requireNonNull(contactPoints, "contactPoints"));
            return this;
        }

        /** The birthday; null when unknown. */
        public Builder birthday(LocalDate birthday) {
            this.birthday = birthday;
            return this;
        }

        /** The preferred channel; null when unknown. */
        public Builder preferredChannel(Channel channel) {
            this.preferredChannel = channel;
            return this;
        }

        /** The preferred language; null when unknown. */
        public Builder preferredLanguage(Locale language) {
            this.preferredLanguage = language;
            return this;
        }

        /** The consents. */
        public Builder consents(List<Consent> consents) {
            this.consents = new ArrayList<>(ValidationException.requireNonNull(consents, "consents"));
            return this;
        }

        /** The tags. */
        public Builder tags(Collection<Tag> tags) {
            this.tags = new ArrayList<>(ValidationException.requireNonNull(tags, "tags"));
            return this;
        }

        /** The custom attributes. */
        public Builder attributes(Map<String, AttributeValue> attributes) {
            this.attributes =
                    new java.util.LinkedHashMap<>(ValidationException.requireNonNull(attributes, "attributes"));
            return this;
        }

        /** The lifecycle stage; {@link LifecycleStage#LEAD} unless set. */
        public Builder stage(LifecycleStage stage) {
            this.stage = stage;
            return this;
        }

        /** The owner; null when unassigned. */
        public Builder owner(StaffId owner) {
            this.owner = owner;
            return this;
        }

        /** When the customer was archived; null while active. */
        public Builder archivedAt(Instant archivedAt) {
            this.archivedAt = archivedAt;
            return this;
        }

        /** The stored version; 0 for a customer not yet saved. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Builds the customer.
         *
         * @throws ValidationException naming the first field that is not valid
         */
        public Customer build() {
            return new Customer(this);
        }
    }
}
