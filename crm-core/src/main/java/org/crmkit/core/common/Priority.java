package org.crmkit.core.common;

/** How urgent a piece of work is: requests and tasks have one, and service levels differ by it. */
public enum Priority {
    /** Can wait. */
    LOW,
    /** The usual. */
    NORMAL,
    /** Before the usual. */
    HIGH,
    /** Before anything else. */
    URGENT
}
