package org.crmkit.core.customer;

import java.util.regex.Pattern;
import org.crmkit.core.common.ValidationException;

/**
 * What the first customer of a relationship is to the second: read "<em>from</em> is
 * <em>role</em> <em>to</em>". Common roles are constants; a tenant may use its own codes.
 *
 * @param code lower-case letters, digits and {@code _}, 1–40 characters
 */
public record RelationshipRole(String code) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** A person employed by an organisation. */
    public static final RelationshipRole EMPLOYEE_OF = new RelationshipRole("employee_of");
    /** A person who is a contact for an organisation without being employed by it. */
    public static final RelationshipRole CONTACT_OF = new RelationshipRole("contact_of");
    /** An organisation owned by another. */
    public static final RelationshipRole SUBSIDIARY_OF = new RelationshipRole("subsidiary_of");
    /** A customer who pays for another's purchases. */
    public static final RelationshipRole BILLS_FOR = new RelationshipRole("bills_for");
    /** A member of a household or family. */
    public static final RelationshipRole FAMILY_OF = new RelationshipRole("family_of");

    /** Validates the code. */
    public RelationshipRole {
        ValidationException.requireNonNull(code, "role");
        if (!CODE.matcher(code).matches()) {
            throw new ValidationException("role", "'" + code + "' must be 1-40 lower-case letters, digits or '_'");
        }
    }

    /** Returns the role with this code. */
    public static RelationshipRole of(String code) {
        return new RelationshipRole(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
