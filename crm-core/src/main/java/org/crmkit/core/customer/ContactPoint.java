package org.crmkit.core.customer;

import org.crmkit.core.common.ValidationException;

/**
 * One way to reach a customer: an e-mail address, a phone number, a postal address or a messenger
 * or social handle, with a label ({@code "work"}, {@code "home"}; empty when none) and whether it is
 * the customer's primary one of its {@link ContactKind}.
 */
public sealed interface ContactPoint {
    /** The longest label accepted. */
    int MAX_LABEL_LENGTH = 40;

    /** The kind, of which a customer has at most one primary. */
    ContactKind kind();

    /** The label, or empty. */
    String label();

    /** Whether this is the primary contact point of its kind. */
    boolean primary();

    /** The same contact point marked primary or not. */
    ContactPoint withPrimary(boolean primary);

    /** The value that identifies this contact point within its kind, used to spot repeats. */
    String key();

    /** An e-mail contact point. */
    static Email email(String address) {
        return new Email(EmailAddress.of(address), "", false);
    }

    /** A phone contact point. */
    static Phone phone(PhoneNumber number) {
        return new Phone(number, "", false);
    }

    /** A postal contact point. */
    static Postal postal(PostalAddress address) {
        return new Postal(address, "", false);
    }

    /** A messenger or social handle. */
    static Handle handle(Network network, String handle) {
        return new Handle(network, handle, "", false);
    }

    /**
     * An e-mail address.
     *
     * @param address the normalised address
     * @param label a label, or empty
     * @param primary whether it is the primary e-mail address
     */
    record Email(EmailAddress address, String label, boolean primary) implements ContactPoint {
        /** Validates the contact point. */
        public Email {
            ValidationException.requireNonNull(address, "email");
            label = checkLabel(label);
        }

        @Override
        public ContactKind kind() {
            return ContactKind.EMAIL;
        }

        @Override
        public Email withPrimary(boolean primary) {
            return new Email(address, label, primary);
        }

        /** The same address with another label. */
        public Email labelled(String label) {
            return new Email(address, label, primary);
        }

        @Override
        public String key() {
            return address.value();
        }
    }

    /**
     * A phone number.
     *
     * @param number the canonical number
     * @param label a label ({@code "mobile"}, {@code "office"}), or empty
     * @param primary whether it is the primary phone
     */
    record Phone(PhoneNumber number, String label, boolean primary) implements ContactPoint {
        /** Validates the contact point. */
        public Phone {
            ValidationException.requireNonNull(number, "phone");
            label = checkLabel(label);
        }

        @Override
        public ContactKind kind() {
            return ContactKind.PHONE;
        }

        @Override
        public Phone withPrimary(boolean primary) {
            return new Phone(number, label, primary);
        }

        /** The same number with another label. */
        public Phone labelled(String label) {
            return new Phone(number, label, primary);
        }

        @Override
        public String key() {
            return number.value();
        }
    }

    /**
     * A postal address.
     *
     * @param address the address
     * @param label a label ({@code "billing"}, {@code "delivery"}), or empty
     * @param primary whether it is the primary address
     */
    record Postal(PostalAddress address, String label, boolean primary) implements ContactPoint {
        /** Validates the contact point. */
        public Postal {
            ValidationException.requireNonNull(address, "address");
            label = checkLabel(label);
        }

        @Override
        public ContactKind kind() {
            return ContactKind.POSTAL;
        }

        @Override
        public Postal withPrimary(boolean primary) {
            return new Postal(address, label, primary);
        }

        /** The same address with another label. */
        public Postal labelled(String label) {
            return new Postal(address, label, primary);
        }

        @Override
        public String key() {
            return address.toString();
        }
    }

    /**
     * A handle on a messenger or social network.
     *
     * @param network the network
     * @param handle the user name, number or profile address on that network
     * @param label a label, or empty
     * @param primary whether it is the primary handle of its kind (messenger or social)
     */
    record Handle(Network network, String handle, String label, boolean primary) implements ContactPoint {
        /** Validates the contact point. */
        public Handle {
            ValidationException.requireNonNull(network, "handle.network");
            handle = ValidationException.requireText(handle, "handle", 200);
            label = checkLabel(label);
        }

        @Override
        public ContactKind kind() {
            return network.kind();
        }

        @Override
        public Handle withPrimary(boolean primary) {
            return new Handle(network, handle, label, primary);
        }

        /** The same handle with another label. */
        public Handle labelled(String label) {
            return new Handle(network, handle, label, primary);
        }

        @Override
        public String key() {
            return network + ":" + handle;
        }
    }

    private static String checkLabel(String label) {
        return label == null || label.isBlank()
                ? ""
                : ValidationException.requireText(label, "contactPoint.label", MAX_LABEL_LENGTH);
    }
}
