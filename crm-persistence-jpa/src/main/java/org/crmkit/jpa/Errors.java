package org.crmkit.jpa;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.TransactionRequiredException;
import java.sql.SQLException;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.ValidationException;
import org.crmkit.jpa.internal.CustomerEntity;
import org.crmkit.jpa.internal.RelationshipEntity;

/**
 * Translates what Jakarta Persistence and the JDBC driver below it throw into the core's {@link
 * CrmException}s, so that no provider type reaches a host except as the cause of a {@link
 * StoreUnavailableException}. Stateless.
 *
 * <p>Only standard types are inspected: {@code jakarta.persistence} exceptions and the SQLState of
 * any {@link SQLException} in the cause chain.
 */
final class Errors {
    private Errors() {}

    /**
     * Translates a failure of a write of one entity.
     *
     * @param entity the kind of entity written, such as {@code "Customer"}
     * @param id its id, or a description of the ids of a batch
     * @param expectedVersion the version the write was based on
     */
    static CrmException onWrite(RuntimeException e, String entity, Object id, long expectedVersion) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        if (find(e, OptimisticLockException.class) != null || find(e, EntityExistsException.class) != null) {
            return new ConcurrentUpdateException(entity, id, expectedVersion);
        }
        String state = sqlState(e);
        if ("23505".equals(state)) {
            // the id was taken by a concurrent insert
            return new ConcurrentUpdateException(entity, id, expectedVersion);
        }
        return translate(e, Character.toLowerCase(entity.charAt(0)) + entity.substring(1));
    }

    /** Translates any other failure of the store. */
    static CrmException translate(RuntimeException e) {
        return translate(e, "value");
    }

    /**
     * Translates a failure of the store.
     *
     * @param field what a {@link ValidationException} names when the database refuses a value
     */
    static CrmException translate(RuntimeException e, String field) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        OptimisticLockException optimistic = find(e, OptimisticLockException.class);
        if (optimistic != null) {
            return fromOptimisticLock(optimistic);
        }
        String state = sqlState(e);
        if (state != null && (state.startsWith("22") || state.equals("54000"))) {
            return new ValidationException(
                    field, "holds a value the database refuses (SQLState " + state + "): " + rootMessage(e));
        }
        if ("40001".equals(state) || "40P01".equals(state)) {
            return new StoreUnavailableException(
                    "the database aborted the unit of work because of a concurrent one (SQLState " + state
                            + "); nothing was written, run it again",
                    e);
        }
        if (find(e, LockTimeoutException.class) != null
                || find(e, PessimisticLockException.class) != null
                || find(e, QueryTimeoutException.class) != null) {
            return new StoreUnavailableException(
                    "the database timed out waiting for a lock or a query; nothing was written, run it again", e);
        }
        if (e instanceof TransactionRequiredException) {
            return new StoreUnavailableException(
                    "no transaction is active: a store that joins the host's transactions must be called inside one",
                    e);
        }
        if (e instanceof PersistenceException || find(e, SQLException.class) != null) {
            return new StoreUnavailableException("the JPA store failed: " + rootMessage(e), e);
        }
        if (e instanceof IllegalStateException) {
            // what an EntityManagerFactory or EntityManager throws when closed or misused
            return new StoreUnavailableException("the JPA store cannot be used: " + e.getMessage(), e);
        }
        return new StoreUnavailableException("the JPA store failed unexpectedly: " + e, e);
    }

    private static ConcurrentUpdateException fromOptimisticLock(OptimisticLockException e) {
        Object entity = e.getEntity();
        if (entity instanceof CustomerEntity c) {
            return new ConcurrentUpdateException("Customer", c.getId(), c.getVersion() + 1);
        }
        if (entity instanceof RelationshipEntity r) {
            return new ConcurrentUpdateException("Relationship", r.getId(), r.getVersion() + 1);
        }
        return new ConcurrentUpdateException("entity", "unknown", -1);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        return s.getSQLState();
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }
}
