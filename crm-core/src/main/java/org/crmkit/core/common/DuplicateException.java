package org.crmkit.core.common;

/**
 * A write would create a second entity where the tenant's rules allow only one. Concept packages
 * subclass it to name the entity that already exists.
 */
public abstract class DuplicateException extends CrmException {
    private static final long serialVersionUID = 1L;

    protected DuplicateException(String message) {
        super(message);
    }
}
