package org.crmkit.core.service;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a request stands. The legal moves are one table ({@link #canMoveTo}):
 *
 * <table>
 *   <caption>Legal status transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>OPEN</td><td>WAITING_FOR_CUSTOMER, ANSWERED, RESOLVED, CLOSED</td></tr>
 *   <tr><td>WAITING_FOR_CUSTOMER</td><td>OPEN, ANSWERED, RESOLVED, CLOSED</td></tr>
 *   <tr><td>ANSWERED</td><td>OPEN, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED</td></tr>
 *   <tr><td>RESOLVED</td><td>OPEN (reopened), CLOSED</td></tr>
 *   <tr><td>CLOSED</td><td>nothing: closed is final</td></tr>
 * </table>
 */
public enum RequestStatus {
    /** Needs staff to act. */
    OPEN,
    /** Staff asked the customer something and waits for the reply. */
    WAITING_FOR_CUSTOMER,
    /** Staff answered; the customer may still follow up. */
    ANSWERED,
    /** Done; the customer may still reopen it. */
    RESOLVED,
    /** Done for good. */
    CLOSED;

    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(WAITING_FOR_CUSTOMER, ANSWERED, RESOLVED, CLOSED),
            WAITING_FOR_CUSTOMER, EnumSet.of(OPEN, ANSWERED, RESOLVED, CLOSED),
            ANSWERED, EnumSet.of(OPEN, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(RequestStatus.class));

    /** Whether a request may move from this status to {@code next}. */
    public boolean canMoveTo(RequestStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses reachable from this one. */
    public Set<RequestStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Whether work is still expected on the request: every status but resolved and closed. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Whether entering this status counts as staff having responded. */
    boolean isResponse() {
        return this != OPEN;
    }

    /** The statuses {@link #isOpen} holds for: what counts as a staff member's open load. */
    public static Set<RequestStatus> openStatuses() {
        return EnumSet.of(OPEN, WAITING_FOR_CUSTOMER, ANSWERED);
    }
}
