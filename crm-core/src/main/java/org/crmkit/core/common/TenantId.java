package org.crmkit.core.common;

import java.util.regex.Pattern;

/**
 * The company (tenant) that owns a piece of data. Every aggregate belongs to exactly one tenant, and
 * nothing obtained for one tenant can read or change another's data.
 *
 * <p>The value is the host's own key for the tenant: 1–64 characters of letters, digits, {@code _},
 * {@code -}, {@code .} or {@code :}.
 *
 * @param value the host's key for the tenant
 */
public record TenantId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    /** Validates the value. */
    public TenantId {
        ValidationException.requireNonNull(value, "tenantId");
        if (!VALID.matcher(value).matches()) {
            throw new ValidationException(
                    "tenantId", "must be 1-64 characters of letters, digits, '_', '-', '.' or ':'");
        }
    }

    /** Returns the tenant with this key. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
