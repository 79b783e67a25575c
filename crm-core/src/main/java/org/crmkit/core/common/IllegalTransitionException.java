package org.crmkit.core.common;

/** A state change that the entity's lifecycle does not allow, such as reopening a lost lead. */
public class IllegalTransitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String from;
    private final String to;

    /**
     * Creates the exception.
     *
     * @param entity the kind of entity and its id, such as {@code "Customer 0190…"}
     * @param from the current state
     * @param to the requested state
     * @param allowed the states reachable from {@code from}, for the message
     */
    public IllegalTransitionException(String entity, Object from, Object to, Object allowed) {
        super(entity + " cannot move from " + from + " to " + to + "; allowed from " + from + ": " + allowed);
        this.entity = entity;
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    /** The entity whose state was to change. */
    public String entity() {
        return entity;
    }

    /** The current state. */
    public String from() {
        return from;
    }

    /** The requested state. */
    public String to() {
        return to;
    }
}
