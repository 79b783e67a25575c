package org.crmkit.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.Network;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Tag;
import org.crmkit.jpa.internal.AddressLines;
import org.crmkit.jpa.internal.AttributeMap;
import org.crmkit.jpa.internal.AuditValue;
import org.crmkit.jpa.internal.ConsentList;
import org.crmkit.jpa.internal.ContactPointValue;
import org.crmkit.jpa.internal.CustomerEntity;

/**
 * Maps the core's immutable {@link Customer} to a {@link CustomerEntity} for writes, and back from
 * the {@link Head} values that reads select (or from an entity). Timestamps are kept to the
 * microsecond, the precision of PostgreSQL's {@code timestamp}: {@link #normalised} is the customer
 * exactly as the store will hand it back. Stateless.
 */
final class CustomerMapper {
    private CustomerMapper() {}

    /** {@code customer} with every stored timestamp truncated to microseconds; itself when none needs it. */
    static Customer normalised(Customer customer) {
        Audit audit = customer.audit();
        Instant archivedAt = customer.archivedAt().orElse(null);
        if (isMicros(audit.createdAt())
                && isMicros(audit.updatedAt())
                && (archivedAt == null || isMicros(archivedAt))) {
            return customer;
        }
        return Customer.builder(customer.id(), customer.tenant(), customer.name(), micros(audit))
                .displayName(customer.displayName())
                .contactPoints(customer.contactPoints())
                .birthday(customer.birthday().orElse(null))
                .preferredChannel(customer.preferredChannel().orElse(null))
                .preferredLanguage(customer.preferredLanguage().orElse(null))
                .consents(customer.consents())
                .tags(customer.tags())
                .attributes(customer.attributes())
                .stage(customer.stage())
                .owner(customer.owner().orElse(null))
                .archivedAt(archivedAt == null ? null : micros(archivedAt))
                .version(customer.version())
                .build();
    }

    /** A new row holding {@code customer}, which must be {@link #normalised}. */
    static CustomerEntity newEntity(Customer customer) {
        CustomerEntity entity =
                new CustomerEntity(customer.tenant().value(), customer.id().value());
        apply(customer, entity);
        return entity;
    }

    /**
     * Writes the state of {@code customer} (already {@link #normalised}) into {@code entity},
     * changing collections in place so the provider writes only the rows that differ.
     *
     * @return whether anything changed
     */
    static boolean apply(Customer customer, CustomerEntity entity) {
        // computed and checked before the entity changes, so a refused customer leaves it untouched
        String sortKey = SearchKeys.encode(NameSearch.sortKey(customer));
        Set<String> nameKeys = nameKeys(customer);
        SearchKeys.checkIndexable(sortKey);
        nameKeys.forEach(SearchKeys::checkIndexable);
        boolean changed = false;
        CustomerName name = customer.name();
        String given = null;
        String family = null;
        String legal = null;
        if (name instanceof CustomerName.PersonName person) {
            given = person.givenName();
            family = person.familyName();
        } else if (name instanceof CustomerName.OrganizationName organization) {
            legal = organization.legalName();
        } else {
            throw new IllegalArgumentException("unknown name type " + name.getClass());
        }
        if (!Objects.equals(entity.getKind(), customer.kind().name())) {
            entity.setKind(customer.kind().name());
            changed = true;
        }
        if (!Objects.equals(entity.getGivenName(), given)) {
            entity.setGivenName(given);
            changed = true;
        }
        if (!Objects.equals(entity.getFamilyName(), family)) {
            entity.setFamilyName(family);
            changed = true;
        }
        if (!Objects.equals(entity.getLegalName(), legal)) {
            entity.setLegalName(legal);
            changed = true;
        }
        if (!Objects.equals(entity.getDisplayName(), customer.displayName())) {
            entity.setDisplayName(customer.displayName());
            changed = true;
        }
        if (!Objects.equals(entity.getSortKey(), sortKey)) {
            entity.setSortKey(sortKey);
            changed = true;
        }
        if (!Objects.equals(entity.getBirthday(), customer.birthday().orElse(null))) {
            entity.setBirthday(customer.birthday().orElse(null));
            changed = true;
        }
        String channel = customer.preferredChannel().map(Channel::name).orElse(null);
        if (!Objects.equals(entity.getPreferredChannel(), channel)) {
            entity.setPreferredChannel(channel);
            changed = true;
        }
        String language =
                customer.preferredLanguage().map(Locale::toLanguageTag).orElse(null);
        if (!Objects.equals(entity.getPreferredLanguage(), language)) {
            entity.setPreferredLanguage(language);
            changed = true;
        }
        if (!Objects.equals(entity.getStage(), customer.stage().name())) {
            entity.setStage(customer.stage().name());
            changed = true;
        }
        String owner = customer.owner().map(StaffId::value).orElse(null);
        if (!Objects.equals(entity.getOwnerId(), owner)) {
            entity.setOwnerId(owner);
            changed = true;
        }
        if (!Objects.equals(entity.getArchivedAt(), customer.archivedAt().orElse(null))) {
            entity.setArchivedAt(customer.archivedAt().orElse(null));
            changed = true;
        }
        AttributeMap attributes = new AttributeMap(customer.attributes());
        if (!Objects.equals(entity.getAttributes(), attributes)) {
            entity.setAttributes(attributes);
            changed = true;
        }
        ConsentList consents = new ConsentList(customer.consents());
        if (!Objects.equals(entity.getConsents(), consents)) {
            entity.setConsents(consents);
            changed = true;
        }
        AuditValue audit = auditValue(customer.audit());
        if (!Objects.equals(entity.getAudit(), audit)) {
            entity.setAudit(audit);
            changed = true;
        }
        changed |= replaceList(entity.getContactPoints(), contactPointValues(customer.contactPoints()));
        changed |= replaceSet(entity.getTags(), tagValues(customer));
        changed |= replaceSet(entity.getNameKeys(), nameKeys);
        return changed;
    }

    /**
     * The JPQL select list of a customer's own row, alias {@code c}, in the order {@link #head(Object[])}
     * reads it. Reads select these values instead of the entity: the rows come back as plain values,
     * so the provider keeps no managed entity and no snapshot of it to compare at each flush.
     */
    static final String HEAD_COLUMNS = "c.id, c.tenantId, c.version, c.kind, c.givenName, c.familyName,"
            + " c.legalName, c.displayName, c.birthday, c.preferredChannel, c.preferredLanguage, c.stage,"
            + " c.ownerId, c.archivedAt, c.attributes, c.consents, c.audit.createdAt, c.audit.createdByKind,"
            + " c.audit.createdById, c.audit.updatedAt, c.audit.updatedByKind, c.audit.updatedById";

    /**
     * A customer's own row, without its contact points and tags: what a read selects with {@link
     * #HEAD_COLUMNS}. {@code version} is the JPA version, one below the core's.
     */
    record Head(
            UUID id,
            String tenantId,
            long version,
            String kind,
            String givenName,
            String familyName,
            String legalName,
            String displayName,
            LocalDate birthday,
            String preferredChannel,
            String preferredLanguage,
            String stage,
            String ownerId,
            Instant archivedAt,
            AttributeMap attributes,
            ConsentList consents,
            AuditValue audit) {}

    /** The head in a row selected with {@link #HEAD_COLUMNS}. */
    static Head head(Object[] row) {
        return new Head(
                (UUID) row[0],
                (String) row[1],
                ((Number) row[2]).longValue(),
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (LocalDate) row[8],
                (String) row[9],
                (String) row[10],
                (String) row[11],
                (String) row[12],
                (Instant) row[13],
                (AttributeMap) row[14],
                (ConsentList) row[15],
                new AuditValue(
                        (Instant) row[16],
                        (String) row[17],
                        (String) row[18],
                        (Instant) row[19],
                        (String) row[20],
                        (String) row[21]));
    }

    /** The head of the customer held by {@code entity}. */
    static Head head(CustomerEntity entity) {
        return new Head(
                entity.getId(),
                entity.getTenantId(),
                entity.getVersion(),
                entity.getKind(),
                entity.getGivenName(),
                entity.getFamilyName(),
                entity.getLegalName(),
                entity.getDisplayName(),
                entity.getBirthday(),
                entity.getPreferredChannel(),
                entity.getPreferredLanguage(),
                entity.getStage(),
                entity.getOwnerId(),
                entity.getArchivedAt(),
                entity.getAttributes(),
                entity.getConsents(),
                entity.getAudit());
    }

    /** The customer of {@code head}, with its contact points and its tags. */
    static Customer toDomain(Head head, List<ContactPointValue> contactPoints, Collection<String> tags) {
        CustomerName name = CustomerKind.valueOf(head.kind()) == CustomerKind.PERSON
                ? CustomerName.person(orEmpty(head.givenName()), orEmpty(head.familyName()))
                : CustomerName.organization(head.legalName());
        List<ContactPoint> points = new ArrayList<>(contactPoints.size());
        for (ContactPointValue value : contactPoints) {
            points.add(contactPoint(value));
        }
        Set<Tag> tagSet = new TreeSet<>();
        for (String tag : tags) {
            tagSet.add(Tag.of(tag));
        }
        return Customer.builder(new CustomerId(head.id()), TenantId.of(head.tenantId()), name, audit(head.audit()))
                .displayName(head.displayName())
                .contactPoints(points)
                .birthday(head.birthday())
                .preferredChannel(head.preferredChannel() == null ? null : Channel.valueOf(head.preferredChannel()))
                .preferredLanguage(
                        head.preferredLanguage() == null ? null : Locale.forLanguageTag(head.preferredLanguage()))
                .consents(head.consents().values())
                .tags(tagSet)
                .attributes(head.attributes().values())
                .stage(LifecycleStage.valueOf(head.stage()))
                .owner(head.ownerId() == null ? null : StaffId.of(head.ownerId()))
                .archivedAt(head.archivedAt())
                .version(head.version() + 1)
                .build();
    }

    /** The stored form of an audit; its times must already be whole microseconds. */
    static AuditValue auditValue(Audit audit) {
        return new AuditValue(
                audit.createdAt(),
                audit.createdBy().kind().name(),
                audit.createdBy().id(),
                audit.updatedAt(),
                audit.updatedBy().kind().name(),
                audit.updatedBy().id());
    }

    /** The audit held in {@code value}. */
    static Audit audit(AuditValue value) {
        return new Audit(
                value.getCreatedAt(),
                new Actor(Actor.Kind.valueOf(value.getCreatedByKind()), value.getCreatedById()),
                value.getUpdatedAt(),
                new Actor(Actor.Kind.valueOf(value.getUpdatedByKind()), value.getUpdatedById()));
    }

    /** {@code audit} with its times truncated to microseconds. */
    static Audit micros(Audit audit) {
        return new Audit(micros(audit.createdAt()), audit.createdBy(), micros(audit.updatedAt()), audit.updatedBy());
    }

    static boolean isMicros(Instant instant) {
        return instant.getNano() % 1000 == 0;
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static List<ContactPointValue> contactPointValues(List<ContactPoint> contactPoints) {
        List<ContactPointValue> values = new ArrayList<>(contactPoints.size());
        for (ContactPoint c : contactPoints) {
            if (c instanceof ContactPoint.Email e) {
                values.add(
                        ContactPointValue.of(c.kind().name(), null, e.address().value(), e.label(), e.primary()));
            } else if (c instanceof ContactPoint.Phone p) {
                values.add(
                        ContactPointValue.of(c.kind().name(), null, p.number().value(), p.label(), p.primary()));
            } else if (c instanceof ContactPoint.Handle h) {
                values.add(
                        ContactPointValue.of(c.kind().name(), h.network().name(), h.handle(), h.label(), h.primary()));
            } else if (c instanceof ContactPoint.Postal p) {
                PostalAddress a = p.address();
                values.add(ContactPointValue.postal(
                        new AddressLines(a.lines()),
                        a.city(),
                        a.region(),
                        a.postalCode(),
                        a.country(),
                        p.label(),
                        p.primary()));
            } else {
                throw new IllegalArgumentException("unknown contact point type " + c.getClass());
            }
        }
        return values;
    }

    private static ContactPoint contactPoint(ContactPointValue v) {
        switch (v.getKind()) {
            case "EMAIL":
                return new ContactPoint.Email(EmailAddress.of(v.getValue()), v.getLabel(), v.isPrimary());
            case "PHONE":
                return new ContactPoint.Phone(new PhoneNumber(v.getValue()), v.getLabel(), v.isPrimary());
            case "POSTAL":
                return new ContactPoint.Postal(
                        new PostalAddress(
                                v.getAddressLines().lines(),
                                v.getCity(),
                                v.getRegion(),
                                v.getPostalCode(),
                                v.getCountry()),
                        v.getLabel(),
                        v.isPrimary());
            case "MESSENGER":
            case "SOCIAL":
                return new ContactPoint.Handle(
                        Network.valueOf(v.getNetwork()), v.getValue(), v.getLabel(), v.isPrimary());
            default:
                throw new IllegalArgumentException("unknown stored contact kind " + v.getKind());
        }
    }

    private static Set<String> tagValues(Customer customer) {
        Set<String> values = new LinkedHashSet<>();
        for (Tag tag : customer.tags()) {
            values.add(tag.value());
        }
        return values;
    }

    private static Set<String> nameKeys(Customer customer) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : NameSearch.keys(customer)) {
            keys.add(SearchKeys.encode(key));
        }
        return keys;
    }

    private static <T> boolean replaceList(List<T> current, List<T> next) {
        if (current.equals(next)) {
            return false;
        }
        int common = Math.min(current.size(), next.size());
        for (int i = 0; i < common; i++) {
            if (!current.get(i).equals(next.get(i))) {
                current.set(i, next.get(i));
            }
        }
        while (current.size() > next.size()) {
            current.remove(current.size() - 1);
        }
        for (int i = common; i < next.size(); i++) {
            current.add(next.get(i));
        }
        return true;
    }

    private static <T> boolean replaceSet(Set<T> current, Set<T> next) {
        if (current.equals(next)) {
            return false;
        }
        current.retainAll(next);
        current.addAll(next);
        return true;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
