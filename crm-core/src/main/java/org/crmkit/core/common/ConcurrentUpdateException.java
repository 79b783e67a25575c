package org.crmkit.core.common;

/**
 * A write was based on a version that is no longer current: someone else changed the entity in the
 * meantime. Nothing was written; reload the entity, reapply the change and save again.
 */
public class ConcurrentUpdateException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String id;
    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param entity the kind of entity, such as {@code "Customer"}
     * @param id its id
     * @param expectedVersion the version the writer had read
     */
    public ConcurrentUpdateException(String entity, Object id, long expectedVersion) {
        super(entity + " " + id + " was changed by someone else since version " + expectedVersion
                + "; reload it and apply the change again");
        this.entity = entity;
        this.id = String.valueOf(id);
        this.expectedVersion = expectedVersion;
    }

    /** The kind of entity. */
    public String entity() {
        return entity;
    }

    /** The id of the entity, as text. */
    public String id() {
        return id;
    }

    /** The version the failed write was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
