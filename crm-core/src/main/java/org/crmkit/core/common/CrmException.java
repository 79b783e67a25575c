package org.crmkit.core.common;

/**
 * The root of every exception CRMKit throws on purpose.
 *
 * <p>All CRMKit exceptions are unchecked and carry a message a host can show to a user. Adapters
 * translate their own failures (SQL, persistence provider) into a subclass at their edge, so a host
 * catches {@code CrmException} and nothing vendor-specific.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
