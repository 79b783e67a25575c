package org.crmkit.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerEvent.CustomerArchived;
import org.crmkit.core.customer.CustomerEvent.CustomerChanged;
import org.crmkit.core.customer.CustomerEvent.CustomerCreated;
import org.crmkit.core.customer.CustomerEvent.CustomerRestored;
import org.crmkit.core.customer.CustomerEvent.CustomerStageChanged;
import org.crmkit.core.customer.CustomerEvent.CustomersLinked;

/**
 * Contact management for one tenant and one actor: create, change, find, list and archive
 * customers, and link them to each other. Obtain it from {@code crm.forTenant(tenant).as(actor)
 * .customers()}.
 *
 * <p>Every method is one unit of work (or joins the caller's), validates its input before writing
 * anything, stamps changes with the clock and the actor, and publishes its events after commit.
 * Changes that start from a customer the caller read ({@link #update}) fail with a
 * {@link org.crmkit.core.common.ConcurrentUpdateException} when someone saved in between; the short
 * commands ({@link #tag}, {@link #changeStage}, …) apply to the current version. Thread-safe.
 */
public final class CustomerService {
    /** How many drafts {@link #createAll} validates, checks and writes at a time. */
    private static final int IMPORT_CHUNK = 500;

    private final ServiceContext context;
    private final CustomerRepository customers;
    private final RelationshipRepository relationships;
    private final PhoneNormalizer phones;

    /** Creates the service; the {@code Crm} facade does this for hosts. */
    public CustomerService(
            ServiceContext context,
            CustomerRepository customers,
            RelationshipRepository relationships,
            PhoneNormalizer phones) {
        this.context = Objects.requireNonNull(context, "context");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.relationships = Objects.requireNonNull(relationships, "relationships");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    /**
     * Creates a customer, refusing one whose e-mail or phone another customer of the tenant has.
     *
     * @throws DuplicateCustomerException naming the existing customer
     * @throws ValidationException naming the first invalid field
     */
    public Customer create(CustomerDraft draft) {
        return create(draft, DuplicatePolicy.REJECT);
    }

    /**
     * Creates a customer, handling shared e-mails and phones as {@code policy} says.
     *
     * @throws DuplicateCustomerException when {@code policy} is {@link DuplicatePolicy#REJECT} and
     *     another customer has one of its e-mails or phones
     * @throws ValidationException naming the first invalid field
     */
    public Customer create(CustomerDraft draft, DuplicatePolicy policy) {
        ValidationException.requireNonNull(draft, "draft");
        ValidationException.requireNonNull(policy, "policy");
        Instant now = context.now();
        Customer customer = newCustomer(draft, now);
        return context.transactions().inTransaction(() -> {
            if (policy == DuplicatePolicy.REJECT) {
                rejectDuplicates(List.of(customer), null, i -> "");
            }
            Customer saved = customers.save(customer);
            context.events().publish(new CustomerCreated(context.tenant(), now, context.actor(), saved));
            return saved;
        });
    }

    /**
     * Creates a customer from each draft, streaming: drafts are taken from the iterator in chunks
     * and written with the store's batched writes, so importing millions holds only one chunk in
     * memory. It is one unit of work: either every draft becomes a customer or, when one is
     * invalid, a duplicate (under {@link DuplicatePolicy#REJECT}, also of an earlier draft of the
     * same import) or the work is cancelled, none does. Publishes one {@link CustomersImported}.
     *
     * @param progress hears the number of drafts created so far after each chunk
     * @param cancellation checked before each chunk
     * @return how many customers were created
     * @throws ValidationException naming the draft as {@code drafts[position].field}
     * @throws DuplicateCustomerException under {@code REJECT}, naming the customer (or earlier
     *     draft) that has the e-mail or phone, its field as {@code drafts[position].email}
     * @throws org.crmkit.core.common.CancelledException when cancelled; nothing is stored
     */
    public long createAll(
            Iterator<CustomerDraft> drafts,
            DuplicatePolicy policy,
            ProgressListener progress,
            Cancellation cancellation) {
        ValidationException.requireNonNull(drafts, "drafts");
        ValidationException.requireNonNull(policy, "policy");
        ValidationException.requireNonNull(progress, "progress");
        ValidationException.requireNonNull(cancellation, "cancellation");
        Instant now = context.now();
        long created = context.transactions().inTransaction(() -> {
            long position = 0;
            while (drafts.hasNext()) {
                cancellation.throwIfCancelled("Importing customers");
                List<Customer> chunk = new ArrayList<>(IMPORT_CHUNK);
                long first = position;
                while (chunk.size() < IMPORT_CHUNK && drafts.hasNext()) {
                    chunk.add(newCustomer(drafts.next(), now, position++));
                }
                if (policy == DuplicatePolicy.REJECT) {
                    rejectDuplicates(chunk, null, i -> "drafts[" + (first + i) + "].");
                }
                customers.saveAll(chunk);
                progress.onProgress(position, -1);
            }
            return position;
        });
        context.events().publish(new CustomersImported(context.tenant(), now, context.actor(), created));
        return created;
    }

    /** A new customer of the tenant as {@code draft} describes it, validated, created at {@code now}. */
    private Customer newCustomer(CustomerDraft draft, Instant now) {
        Customer customer = draft.toBuilder(
                        Customer.builder(
                                new CustomerId(context.ids().next()),
                                context.tenant(),
                                draft.name(),
                                Audit.created(now, context.actor())),
                        phones,
                        now)
                .build();
        checkBirthday(customer);
        return customer;
    }

    /** {@link #newCustomer} for the draft at {@code position} of an import, which errors name. */
    private Customer newCustomer(CustomerDraft draft, Instant now, long position) {
        try {
            return newCustomer(ValidationException.requireNonNull(draft, "draft"), now);
        } catch (ValidationException e) {
            throw new ValidationException("drafts[" + position + "]." + e.field(), e.reason());
        }
    }

    /**
     * Refuses customers about to be stored that share an e-mail or phone with each other or with
     * another stored customer (which includes earlier chunks of the same import). Only the contacts
     * that {@code before} (the stored version of a single changed customer, or null) lacks are
     * checked; they are locked first, so that a concurrent writer of the same value waits. {@code
     * field} gives the field-name prefix for the customer at each position.
     */
    private void rejectDuplicates(List<Customer> batch, Customer before, IntFunction<String> field) {
        Map<Object, Integer> positions = new LinkedHashMap<>();
        Set<EmailAddress> emails = new LinkedHashSet<>();
        Set<PhoneNumber> phones = new LinkedHashSet<>();
        Set<CustomerId> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Customer customer = batch.get(i);
            ids.add(customer.id());
            for (EmailAddress email : customer.emails()) {
                if (before == null || !before.emails().contains(email)) {
                    claim(positions, email, i, batch, field.apply(i) + "email", email.value());
                    emails.add(email);
                }
            }
            for (PhoneNumber phone : customer.phones()) {
                if (before == null || !before.phones().contains(phone)) {
                    claim(positions, phone, i, batch, field.apply(i) + "phone", phone.value());
                    phones.add(phone);
                }
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        customers.lockContacts(emails, phones);
        Map<Object, Customer> holders = new HashMap<>();
        for (Customer other : customers.findByContacts(emails, phones)) {
            if (!ids.contains(other.id())) {
                other.emails().forEach(e -> holders.putIfAbsent(e, other));
                other.phones().forEach(p -> holders.putIfAbsent(p, other));
            }
        }
        for (Map.Entry<Object, Integer> claimed : positions.entrySet()) {
            Customer other = holders.get(claimed.getKey());
            if (other != null) {
                boolean email = claimed.getKey() instanceof EmailAddress;
                String value =
                        email ? ((EmailAddress) claimed.getKey()).value() : ((PhoneNumber) claimed.getKey()).value();
                throw new DuplicateCustomerException(
                        other.id(),
                        other.displayName(),
                        field.apply(claimed.getValue()) + (email ? "email" : "phone"),
                        value);
            }
        }
    }

    /** Records that the customer at {@code position} has {@code contact}, refusing a second one with it. */
    private static void claim(
            Map<Object, Integer> positions,
            Object contact,
            int position,
            List<Customer> batch,
            String field,
            String value) {
        Integer earlier = positions.putIfAbsent(contact, position);
        if (earlier != null && earlier != position) {
            Customer first = batch.get(earlier);
            throw new DuplicateCustomerException(first.id(), first.displayName(), field, value);
        }
    }

    /** The customer with {@code id}, archived or not, if the tenant has it. */
    public Optional<Customer> find(CustomerId id) {
        return customers.findById(ValidationException.requireNonNull(id, "customerId"));
    }

    /**
     * The customer with {@code id}, archived or not.
     *
     * @throws NotFoundException when the tenant has no such customer
     */
    public Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /**
     * Saves {@code changed}, a customer read earlier and changed with its {@code with…} methods,
     * refusing new e-mails or phones that another customer has.
     *
     * @return the stored customer with its new version
     * @throws org.crmkit.core.common.ConcurrentUpdateException when someone saved the customer since
     *     {@code changed} was read; nothing is written
     * @throws DuplicateCustomerException when a new e-mail or phone belongs to another customer
     */
    public Customer update(Customer changed) {
        return update(changed, DuplicatePolicy.REJECT);
    }

    /**
     * Saves {@code changed} as {@link #update(Customer)} does, handling shared e-mails and phones as
     * {@code policy} says.
     */
    public Customer update(Customer changed, DuplicatePolicy policy) {
        ValidationException.requireNonNull(changed, "customer");
        ValidationException.requireNonNull(policy, "policy");
        if (!changed.tenant().equals(context.tenant())) {
            throw new NotFoundException("Customer", changed.id());
        }
        return context.transactions().inTransaction(() -> {
            Customer before = get(changed.id());
            if (before.version() != changed.version()) {
                throw new org.crmkit.core.common.ConcurrentUpdateException("Customer", changed.id(), changed.version());
            }
            return save(before, changed, policy);
        });
    }

    /** Archives the customer: hidden from lists and searches, still found by id and lookups. */
    public Customer archive(CustomerId id) {
        return modify(id, c -> c.archived(context.now()));
    }

    /** Makes an archived customer active again. */
    public Customer restore(CustomerId id) {
        return modify(id, Customer::unarchived);
    }

    /** Adds tags to the customer. */
    public Customer tag(CustomerId id, String... tags) {
        List<Tag> parsed = parseTags(tags);
        return modify(id, c -> c.withTags(parsed));
    }

    /** Removes tags from the customer; tags it does not carry are ignored. */
    public Customer untag(CustomerId id, String... tags) {
        List<Tag> parsed = parseTags(tags);
        return modify(id, c -> c.withoutTags(parsed));
    }

    /** Sets the custom attribute {@code key}. */
    public Customer setAttribute(CustomerId id, String key, AttributeValue value) {
        ValidationException.requireNonNull(value, "attributes." + key);
        return modify(id, c -> c.withAttribute(key, value));
    }

    /** Removes the custom attribute {@code key}; a missing one is ignored. */
    public Customer removeAttribute(CustomerId id, String key) {
        return modify(id, c -> c.withoutAttribute(key));
    }

    /**
     * Moves the customer to lifecycle stage {@code stage}.
     *
     * @throws org.crmkit.core.common.IllegalTransitionException when the move is not allowed from the
     *     current stage
     */
    public Customer changeStage(CustomerId id, LifecycleStage stage) {
        ValidationException.requireNonNull(stage, "stage");
        return modify(id, c -> c.withStage(stage));
    }

    /** Makes {@code owner} the customer's owner. */
    public Customer assignOwner(CustomerId id, StaffId owner) {
        ValidationException.requireNonNull(owner, "owner");
        return modify(id, c -> c.withOwner(owner));
    }

    /** Records, at the current time, that the customer granted consent. */
    public Customer grantConsent(CustomerId id, Channel channel, ConsentPurpose purpose, String source) {
        Consent consent = new Consent(channel, purpose, Consent.Status.GRANTED, context.now(), source);
        return modify(id, c -> c.withConsent(consent));
    }

    /** Records, at the current time, that the customer withdrew consent. */
    public Customer withdrawConsent(CustomerId id, Channel channel, ConsentPurpose purpose, String source) {
        Consent consent = new Consent(channel, purpose, Consent.Status.WITHDRAWN, context.now(), source);
        return modify(id, c -> c.withConsent(consent));
    }

    /** Adds a phone number as typed, normalised by the configured {@link PhoneNormalizer}. */
    public Customer addPhone(CustomerId id, String number, String label) {
        ContactPoint.Phone phone = new ContactPoint.Phone(phones.normalize(number), label, false);
        return modify(id, c -> c.withContactPoint(phone));
    }

    /** Adds an e-mail address. */
    public Customer addEmail(CustomerId id, String address, String label) {
        ContactPoint.Email email = new ContactPoint.Email(EmailAddress.of(address), label, false);
        return modify(id, c -> c.withContactPoint(email));
    }

    /**
     * Applies {@code change} to the current version of the customer and saves it, in one unit of
     * work.
     *
     * @throws NotFoundException when the tenant has no such customer
     */
    public Customer modify(CustomerId id, UnaryOperator<Customer> change) {
        ValidationException.requireNonNull(id, "customerId");
        ValidationException.requireNonNull(change, "change");
        return context.transactions().inTransaction(() -> {
            Customer before = get(id);
            Customer after = Objects.requireNonNull(change.apply(before), "change returned null");
            if (!after.id().equals(id) || after.version() != before.version()) {
                throw new ValidationException("customer", "the change must return a copy of the same customer");
            }
            return save(before, after, DuplicatePolicy.REJECT);
        });
    }

    /**
     * Links {@code from} to {@code to} in {@code role} for an open-ended period, such as a person as
     * {@link RelationshipRole#EMPLOYEE_OF} a company.
     *
     * @throws NotFoundException when either customer does not exist in the tenant
     */
    public Relationship link(CustomerId from, CustomerId to, RelationshipRole role) {
        return link(from, to, role, null, null);
    }

    /**
     * Links {@code from} to {@code to} in {@code role} from {@code validFrom} to {@code validTo}
     * (both inclusive; null leaves that end open).
     *
     * @throws NotFoundException when either customer does not exist in the tenant
     * @throws ValidationException when the period is empty or a customer is linked to itself
     */
    public Relationship link(
            CustomerId from, CustomerId to, RelationshipRole role, LocalDate validFrom, LocalDate validTo) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(role, "role");
        Instant now = context.now();
        Relationship relationship = Relationship.of(
                new org.crmkit.core.customer.RelationshipId(context.ids().next()),
                context.tenant(),
                from,
                to,
                role,
                validFrom,
                validTo,
                Audit.created(now, context.actor()),
                0);
        return context.transactions().inTransaction(() -> {
            get(from);
            get(to);
            Relationship saved = relationships.save(relationship);
            context.events().publish(new CustomersLinked(context.tenant(), now, context.actor(), saved));
            return saved;
        });
    }

    /**
     * Ends a relationship on {@code lastDay}.
     *
     * @throws NotFoundException when the tenant has no such relationship
     */
    public Relationship endRelationship(RelationshipId id, LocalDate lastDay) {
        ValidationException.requireNonNull(id, "relationshipId");
        ValidationException.requireNonNull(lastDay, "lastDay");
        return context.transactions().inTransaction(() -> {
            Relationship current =
                    relationships.findById(id).orElseThrow(() -> new NotFoundException("Relationship", id));
            return relationships.save(
                    current.endedOn(lastDay, current.audit().changed(context.now(), context.actor())));
        });
    }

    /** Every relationship of {@code customer}, on either side, oldest first. */
    public List<Relationship> relationships(CustomerId customer) {
        return relationships.findByCustomer(ValidationException.requireNonNull(customer, "customerId"));
    }

    /** Every customer, archived or not, with this e-mail address (normalised first). */
    public List<Customer> findByEmail(String email) {
        return customers.findByEmail(EmailAddress.of(email));
    }

    /** Every customer, archived or not, with this phone number (normalised first). */
    public List<Customer> findByPhone(String phone) {
        return customers.findByPhone(phones.normalize(phone));
    }

    /** One page of active customers whose name starts with {@code prefix}, ignoring case and accents, by name. */
    public Page<Customer> search(String prefix, PageRequest page) {
        return list(CustomerQuery.nameStartsWith(ValidationException.requireNonNull(prefix, "prefix")), page);
    }

    /** One page of the customers {@code query} selects, in its order. */
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        return customers.list(
                ValidationException.requireNonNull(query, "query"), ValidationException.requireNonNull(page, "page"));
    }

    /** How many customers {@code query} selects. */
    public long count(CustomerQuery query) {
        return customers.count(ValidationException.requireNonNull(query, "query"));
    }

    /** Normalises a phone number as typed, with the configured {@link PhoneNormalizer}. */
    public PhoneNumber normalizePhone(String number) {
        return phones.normalize(number);
    }

    private Customer save(Customer before, Customer after, DuplicatePolicy policy) {
        if (after.equals(before)) {
            return before;
        }
        Instant now = context.now();
        checkBirthday(after);
        if (policy == DuplicatePolicy.REJECT) {
            rejectDuplicates(List.of(after), before, i -> "");
        }
        Customer saved = customers.save(after.touched(now, context.actor()));
        Set<String> changed = changedFields(before, saved);
        if (!changed.isEmpty()) {
            context.events()
                    .publish(new CustomerChanged(context.tenant(), now, context.actor(), before, saved, changed));
        }
        if (before.stage() != saved.stage()) {
            context.events()
                    .publish(new CustomerStageChanged(
                            context.tenant(), now, context.actor(), saved.id(), before.stage(), saved.stage()));
        }
        if (!before.isArchived() && saved.isArchived()) {
            context.events().publish(new CustomerArchived(context.tenant(), now, context.actor(), saved.id()));
        } else if (before.isArchived() && !saved.isArchived()) {
            context.events().publish(new CustomerRestored(context.tenant(), now, context.actor(), saved.id()));
        }
        return saved;
    }

    private void checkBirthday(Customer customer) {
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        customer.birthday().ifPresent(birthday -> {
            if (birthday.isAfter(today.plusDays(1))) {
                throw new ValidationException("birthday", birthday + " is in the future");
            }
            if (birthday.isBefore(today.minusYears(150))) {
                throw new ValidationException("birthday", birthday + " is more than 150 years ago");
            }
        });
    }

    private static List<Tag> parseTags(String... tags) {
        ValidationException.requireNonNull(tags, "tags");
        List<Tag> parsed = new ArrayList<>(tags.length);
        for (String tag : tags) {
            parsed.add(Tag.of(tag));
        }
        return parsed;
    }

    private static Set<String> changedFields(Customer a, Customer b) {
        Set<String> changed = new LinkedHashSet<>();
        if (!a.name().equals(b.name())) changed.add("name");
        if (!a.displayName().equals(b.displayName())) changed.add("displayName");
        if (!a.contactPoints().equals(b.contactPoints())) changed.add("contactPoints");
        if (!a.birthday().equals(b.birthday())) changed.add("birthday");
        if (!a.preferredChannel().equals(b.preferredChannel())) changed.add("preferredChannel");
        if (!a.preferredLanguage().equals(b.preferredLanguage())) changed.add("preferredLanguage");
        if (!a.consents().equals(b.consents())) changed.add("consents");
        if (!a.tags().equals(b.tags())) changed.add("tags");
        if (!a.attributes().equals(b.attributes())) changed.add("attributes");
        if (!a.owner().equals(b.owner())) changed.add("owner");
        return changed;
    }
}
