package org.crmkit.core.common;

/**
 * The store could not be reached or failed in a way unrelated to the data: a lost connection, a
 * full disk, a timeout. The cause holds the adapter's original exception. Retrying later may help.
 */
public class StoreUnavailableException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the adapter's original failure as cause. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
