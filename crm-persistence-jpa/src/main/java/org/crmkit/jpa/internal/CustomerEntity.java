package org.crmkit.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The row of one customer in {@code crmkit_customer}, with its contact points, tags and name keys in
 * child tables keyed by tenant and customer. The store maps it to and from the core's immutable
 * {@code Customer}; hosts never see it. Not part of CRMKit's API; not thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher
 * (a stored customer is at version 1 after its first save).
 */
@Entity(name = "CrmkitCustomer")
@Table(name = "crmkit_customer")
@IdClass(CustomerKey.class)
public class CustomerEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "given_name", length = 200)
    private String givenName;

    @Column(name = "family_name", length = 200)
    private String familyName;

    @Column(name = "legal_name", length = 200)
    private String legalName;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    /** The folded display name, encoded by the store so that every database sorts it by code point. */
    @Column(name = "sort_key", nullable = false)
    private String sortKey;

    @Column(name = "birthday")
    private LocalDate birthday;

    @Column(name = "preferred_channel", length = 32)
    private String preferredChannel;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "stage", nullable = false, length = 16)
    private String stage;

    @Column(name = "owner_id", length = 128)
    private String ownerId;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Convert(converter = AttributeMapConverter.class)
    @Column(name = "attributes", nullable = false)
    private AttributeMap attributes;

    @Convert(converter = ConsentListConverter.class)
    @Column(name = "consents", nullable = false)
    private ConsentList consents;

    @Embedded
    private AuditValue audit;

    @ElementCollection
    @CollectionTable(
            name = "crmkit_customer_contact",
            joinColumns = {
                @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
                @JoinColumn(name = "customer_id", referencedColumnName = "id")
            })
    @OrderColumn(name = "ordinal", nullable = false)
    private List<ContactPointValue> contactPoints = new ArrayList<>();

    @ElementCollection
    @CollectionTable(
            name = "crmkit_customer_tag",
            joinColumns = {
                @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
                @JoinColumn(name = "customer_id", referencedColumnName = "id")
            })
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new HashSet<>();

    /** {@code NameSearch.keys}, encoded like the sort key; searched by prefix. */
    @ElementCollection
    @CollectionTable(
            name = "crmkit_customer_name_key",
            joinColumns = {
                @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
                @JoinColumn(name = "customer_id", referencedColumnName = "id")
            })
    @Column(name = "name_key", nullable = false)
    private Set<String> nameKeys = new HashSet<>();

    /** For the persistence provider. */
    protected CustomerEntity() {}

    /** A new, not yet persisted customer row. */
    public CustomerEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The customer's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The {@code CustomerKind} name. */
    public String getKind() {
        return kind;
    }

    /** Sets the kind. */
    public void setKind(String kind) {
        this.kind = kind;
    }

    /** A person's given name, or null. */
    public String getGivenName() {
        return givenName;
    }

    /** Sets the given name. */
    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    /** A person's family name, or null. */
    public String getFamilyName() {
        return familyName;
    }

    /** Sets the family name. */
    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    /** An organisation's legal name, or null. */
    public String getLegalName() {
        return legalName;
    }

    /** Sets the legal name. */
    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    /** The display name. */
    public String getDisplayName() {
        return displayName;
    }

    /** Sets the display name. */
    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The encoded sort key. */
    public String getSortKey() {
        return sortKey;
    }

    /** Sets the encoded sort key. */
    public void setSortKey(String sortKey) {
        this.sortKey = sortKey;
    }

    /** The birthday, or null. */
    public LocalDate getBirthday() {
        return birthday;
    }

    /** Sets the birthday. */
    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    /** The {@code Channel} name, or null. */
    public String getPreferredChannel() {
        return preferredChannel;
    }

    /** Sets the preferred channel. */
    public void setPreferredChannel(String preferredChannel) {
        this.preferredChannel = preferredChannel;
    }

    /** The preferred language as a BCP 47 tag, or null. */
    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    /** Sets the preferred language. */
    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    /** The {@code LifecycleStage} name. */
    public String getStage() {
        return stage;
    }

    /** Sets the stage. */
    public void setStage(String stage) {
        this.stage = stage;
    }

    /** The owner's staff id, or null. */
    public String getOwnerId() {
        return ownerId;
    }

    /** Sets the owner. */
    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    /** When the customer was archived, or null. */
    public Instant getArchivedAt() {
        return archivedAt;
    }

    /** Sets when the customer was archived. */
    public void setArchivedAt(Instant archivedAt) {
        this.archivedAt = archivedAt;
    }

    /** The custom attributes. */
    public AttributeMap getAttributes() {
        return attributes;
    }

    /** Sets the custom attributes. */
    public void setAttributes(AttributeMap attributes) {
        this.attributes = attributes;
    }

    /** The consents. */
    public ConsentList getConsents() {
        return consents;
    }

    /** Sets the consents. */
    public void setConsents(ConsentList consents) {
        this.consents = consents;
    }

    /** The audit columns. */
    public AuditValue getAudit() {
        return audit;
    }

    /** Sets the audit columns. */
    public void setAudit(AuditValue audit) {
        this.audit = audit;
    }

    /** The contact points in order; change it in place. */
    public List<ContactPointValue> getContactPoints() {
        return contactPoints;
    }

    /** The tags; change it in place. */
    public Set<String> getTags() {
        return tags;
    }

    /** The encoded name keys; change it in place. */
    public Set<String> getNameKeys() {
        return nameKeys;
    }
}
