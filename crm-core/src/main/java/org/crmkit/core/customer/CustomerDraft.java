package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * What a host knows about a customer it is about to create, as users typed it: phone numbers are
 * normalised by the configured {@link PhoneNormalizer} when the customer is created, e-mail addresses as
 * they are added. Pass it to {@link CustomerService#create}. Not thread-safe; one draft per create.
 */
public final class CustomerDraft {
    private final CustomerName name;
    private String displayName;
    private final List<Object> contactPoints = new ArrayList<>();
    private LocalDate birthday;
    private Channel preferredChannel;
    private Locale preferredLanguage;
    private final List<ConsentAnswer> consents = new ArrayList<>();
    private final Set<Tag> tags = new LinkedHashSet<>();
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    private LifecycleStage stage = LifecycleStage.LEAD;
    private StaffId owner;

    private CustomerDraft(CustomerName name) {
        this.name = ValidationException.requireNonNull(name, "name");
    }

    /** A person with a given and a family name (either may be empty, not both). */
    public static CustomerDraft person(String givenName, String familyName) {
        return new CustomerDraft(CustomerName.person(givenName, familyName));
    }

    /** An organisation with its legal name. */
    public static CustomerDraft organization(String legalName) {
        return new CustomerDraft(CustomerName.organization(legalName));
    }

    /** A customer with this formal name. */
    public static CustomerDraft named(CustomerName name) {
        return new CustomerDraft(name);
    }

    /** The name shown in lists, when it should differ from the full name. */
    public CustomerDraft displayName(String displayName) {
        this.displayName = ValidationException.requireText(displayName, "displayName", CustomerName.MAX_LENGTH);
        return this;
    }

    /** Adds an e-mail address; the first one becomes primary. */
    public CustomerDraft email(String address) {
        return email(address, "");
    }

    /** Adds a labelled e-mail address. */
    public CustomerDraft email(String address, String label) {
        contactPoints.add(new ContactPoint.Email(EmailAddress.of(address), label, false));
        return this;
    }

    /** Adds a phone number as typed; the first one becomes primary. */
    public CustomerDraft phone(String number) {
        return phone(number, "");
    }

    /** Adds a labelled phone number as typed. */
    public CustomerDraft phone(String number, String label) {
        contactPoints.add(new RawPhone(ValidationException.requireText(number, "phone", 64), label));
        return this;
    }

    /** Adds any contact point; one marked primary becomes the primary of its kind. */
    public CustomerDraft contactPoint(ContactPoint contactPoint) {
        contactPoints.add(ValidationException.requireNonNull(contactPoint, "contactPoint"));
        return this;
    }

    /** Adds a postal address. */
    public CustomerDraft address(PostalAddress address) {
        return contactPoint(ContactPoint.postal(address));
    }

    /** Adds a messenger or social handle. */
    public CustomerDraft handle(Network network, String handle) {
        return contactPoint(ContactPoint.handle(network, handle));
    }

    /** Sets the birthday. */
    public CustomerDraft birthday(LocalDate birthday) {
        this.birthday = ValidationException.requireNonNull(birthday, "birthday");
        return this;
    }

    /** Sets the preferred channel. */
    public CustomerDraft preferredChannel(Channel channel) {
        this.preferredChannel = ValidationException.requireNonNull(channel, "preferredChannel");
        return this;
    }

    /** Sets the preferred language. */
    public CustomerDraft preferredLanguage(Locale language) {
        this.preferredLanguage = ValidationException.requireNonNull(language, "preferredLanguage");
        return this;
    }

    /** Records that the customer granted consent now, from {@code source}. */
    public CustomerDraft grant(Channel channel, ConsentPurpose purpose, String source) {
        consents.add(new ConsentAnswer(channel, purpose, Consent.Status.GRANTED, source));
        return this;
    }

    /** Records that the customer refused consent now, from {@code source}. */
    public CustomerDraft refuse(Channel channel, ConsentPurpose purpose, String source) {
        consents.add(new ConsentAnswer(channel, purpose, Consent.Status.WITHDRAWN, source));
        return this;
    }

    /** Adds tags. */
    public CustomerDraft tags(String... tags) {
        for (String tag : tags) {
            this.tags.add(Tag.of(tag));
        }
        return this;
    }

    /** Sets a custom attribute. */
    public CustomerDraft attribute(String key, AttributeValue value) {
        attributes.put(key, ValidationException.requireNonNull(value, "attributes." + key));
        return this;
    }

    /** Sets the initial lifecycle stage; {@link LifecycleStage#LEAD} unless set. */
    public CustomerDraft stage(LifecycleStage stage) {
        this.stage = ValidationException.requireNonNull(stage, "stage");
        return this;
    }

    /** Sets the owner. */
    public CustomerDraft owner(StaffId owner) {
        this.owner = ValidationException.requireNonNull(owner, "owner");
        return this;
    }

    /** Builds the customer this draft describes, for {@link CustomerService}. */
    Customer.Builder toBuilder(Customer.Builder builder, PhoneNormalizer phones, java.time.Instant now) {
        List<ContactPoint> points = new ArrayList<>(contactPoints.size());
        for (Object o : contactPoints) {
            points.add(
                    o instanceof RawPhone raw
                            ? new ContactPoint.Phone(phones.normalize(raw.number()), raw.label(), false)
                            : (ContactPoint) o);
        }
        List<Consent> answers = consents.stream()
                .map(a -> new Consent(a.channel(), a.purpose(), a.status(), now, a.source()))
                .toList();
        return builder.displayName(displayName)
                .contactPoints(points)
                .birthday(birthday)
                .preferredChannel(preferredChannel)
                .preferredLanguage(preferredLanguage)
                .consents(answers)
                .tags(tags)
                .attributes(attributes)
                .stage(stage)
                .owner(owner);
    }

    CustomerName name() {
        return name;
    }

    private record RawPhone(String number, String label) {}

    private record ConsentAnswer(Channel channel, ConsentPurpose purpose, Consent.Status status, String source) {}
}
