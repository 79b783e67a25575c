package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One row of a customer's contact points: an e-mail address, phone number or handle in {@code
 * contact_value}, or a postal address in the address columns. Not part of CRMKit's API; not
 * thread-safe.
 */
@Embeddable
public class ContactPointValue {
    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "network", length = 32)
    private String network;

    @Column(name = "contact_value", length = 254)
    private String value;

    @Column(name = "label", nullable = false, length = 40)
    private String label;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Convert(converter = AddressLinesConverter.class)
    @Column(name = "address_lines")
    private AddressLines addressLines;

    @Column(name = "city", length = 100)
    private String city;

    @Column(name = "region", length = 100)
    private String region;

    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Column(name = "country", length = 2)
    private String country;

    /** For the persistence provider. */
    protected ContactPointValue() {}

    /** A contact point held in {@code value}: an e-mail address, a phone number or a handle. */
    public static ContactPointValue of(String kind, String network, String value, String label, boolean primary) {
        ContactPointValue v = new ContactPointValue();
        v.kind = kind;
        v.network = network;
        v.value = value;
        v.label = label;
        v.primary = primary;
        return v;
    }

    /** A postal address. */
    public static ContactPointValue postal(
            AddressLines lines,
            String city,
            String region,
            String postalCode,
            String country,
            String label,
            boolean primary) {
        ContactPointValue v = of("POSTAL", null, null, label, primary);
        v.addressLines = lines;
        v.city = city;
        v.region = region;
        v.postalCode = postalCode;
        v.country = country;
        return v;
    }

    /** The {@code ContactKind} name. */
    public String getKind() {
        return kind;
    }

    /** The {@code Network} name of a handle; null otherwise. */
    public String getNetwork() {
        return network;
    }

    /** The e-mail address, phone number or handle; null for a postal address. */
    public String getValue() {
        return value;
    }

    /** The label, or empty. */
    public String getLabel() {
        return label;
    }

    /** Whether this is the primary contact point of its kind. */
    public boolean isPrimary() {
        return primary;
    }

    /** The lines of a postal address; null otherwise. */
    public AddressLines getAddressLines() {
        return addressLines;
    }

    /** The city of a postal address. */
    public String getCity() {
        return city;
    }

    /** The region of a postal address. */
    public String getRegion() {
        return region;
    }

    /** The postal code of a postal address. */
    public String getPostalCode() {
        return postalCode;
    }

    /** The country of a postal address. */
    public String getCountry() {
        return country;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPointValue v
                && primary == v.primary
                && Objects.equals(kind, v.kind)
                && Objects.equals(network, v.network)
                && Objects.equals(value, v.value)
                && Objects.equals(label, v.label)
                && Objects.equals(addressLines, v.addressLines)
                && Objects.equals(city, v.city)
                && Objects.equals(region, v.region)
                && Objects.equals(postalCode, v.postalCode)
                && Objects.equals(country, v.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, network, value, label, primary, addressLines, city, region, postalCode, country);
    }

    @Override
    public String toString() {
        return "ContactPointValue[" + kind + " " + (value != null ? value : city) + "]";
    }
}
