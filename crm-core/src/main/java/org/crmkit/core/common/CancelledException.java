package org.crmkit.core.common;

/** Long work stopped because its {@link Cancellation} was cancelled; see the work's contract for what was kept. */
public class CancelledException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelledException(String message) {
        super(message);
    }
}
