package org.crmkit.core.customer;

import org.crmkit.core.common.ValidationException;

/**
 * The formal name of a customer: given and family name of a person, legal name of an organisation.
 * Names may be in any script; nothing is transliterated or case-folded.
 */
public sealed interface CustomerName {
    /** The longest name part accepted. */
    int MAX_LENGTH = 200;

    /** The kind of customer this name belongs to. */
    CustomerKind kind();

    /** The name as it is usually written, used as display name when none is given. */
    String fullName();

    /** A person's name. */
    static PersonName person(String givenName, String familyName) {
        return new PersonName(givenName, familyName);
    }

    /** An organisation's name. */
    static OrganizationName organization(String legalName) {
        return new OrganizationName(legalName);
    }

    /**
     * A person's name. Either part may be empty (many people have one name), not both.
     *
     * @param givenName the given name, or empty
     * @param familyName the family name, or empty
     */
    record PersonName(String givenName, String familyName) implements CustomerName {

        /** Validates and strips the parts. */
        public PersonName {
            givenName = optionalPart(givenName, "givenName");
            familyName = optionalPart(familyName, "familyName");
            if (givenName.isEmpty() && familyName.isEmpty()) {
                throw new ValidationException("name", "a person needs a given name or a family name");
            }
            if (givenName.length() + familyName.length() + 1 > MAX_LENGTH) {
                throw new ValidationException(
                        "name", "given and family name together must be at most " + MAX_LENGTH + " characters");
            }
        }

        @Override
        public CustomerKind kind() {
            return CustomerKind.PERSON;
        }

        @Override
        public String fullName() {
            if (givenName.isEmpty()) {
                return familyName;
            }
            return familyName.isEmpty() ? givenName : givenName + " " + familyName;
        }

        private static String optionalPart(String value, String field) {
            return value == null || value.isBlank() ? "" : ValidationException.requireText(value, field, MAX_LENGTH);
        }
    }

    /**
     * An organisation's registered name.
     *
     * @param legalName the name under which the organisation is registered
     */
    record OrganizationName(String legalName) implements CustomerName {

        /** Validates and strips the name. */
        public OrganizationName {
            legalName = ValidationException.requireText(legalName, "legalName", MAX_LENGTH);
        }

        @Override
        public CustomerKind kind() {
            return CustomerKind.ORGANIZATION;
        }

        @Override
        public String fullName() {
            return legalName;
        }
    }
}
