package org.crmkit.core.sales;

/** Whether an opportunity is still being worked, or was won or lost. */
public enum OpportunityStatus {
    /** In one of its pipeline's stages. */
    OPEN,
    /** Closed as won. */
    WON,
    /** Closed as lost. */
    LOST
}
