package org.crmkit.core.interaction;

/** What {@link InteractionService#logAll} does with a batch in which some drafts are refused. */
public enum BulkMode {
    /**
     * Records the valid drafts and reports the refused ones. The input is recorded in chunks, each
     * its own unit of work (unless the call joins the caller's), so memory stays bounded however
     * long the input is, and chunks recorded before a failure or a cancellation stay recorded.
     */
    KEEP_VALID,
    /**
     * Records every draft or, when any is refused, none, and reports every refused one. The whole
     * input is one unit of work, and the events of the recorded interactions wait for its commit:
     * meant for batches that fit in memory; stream long imports with {@link #KEEP_VALID}.
     */
    ALL_OR_NOTHING
}
