package org.crmkit.core.common;

/** The entity asked for does not exist in the current tenant. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param entity the kind of entity, such as {@code "Customer"}
     * @param id the id that was looked up
     */
    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " was not found");
        this.entity = entity;
        this.id = String.valueOf(id);
    }

    /** The kind of entity that was looked up. */
    public String entity() {
        return entity;
    }

    /** The id that was looked up, as text. */
    public String id() {
        return id;
    }
}
