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
import org.crmkit.core.customer.ContactKind;
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

    /**
     * Translates a failure to lock the row of one e-mail or phone in {@code crmkit_contact_lock}. A
     * writer that inserted the same new row first makes the insert fail (a unique violation once that
     * writer commits; some H2 versions report a "concurrent update" at once instead); a lock wait that the
     * database ends (timeout, deadlock, serialization failure) is the other writer holding the row too
     * long. Either way another writer is checking the same value, and the unit of work, which may no
     * longer go on (PostgreSQL aborts the transaction), fails with a {@link ConcurrentUpdateException}.
     *
     * @param kind the kind of contact, e-mail or phone
     * @param value the normalised e-mail address or phone number
     */
    static CrmException onContactLock(RuntimeException e, ContactKind kind, String value) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        String state = sqlState(e);
        if (find(e, EntityExistsException.class) != null
                || find(e, LockTimeoutException.class) != null
                || find(e, PessimisticLockException.class) != null
                // a statement timeout on a primary-key lookup or insert is a wait for the other writer's lock
                || find(e, QueryTimeoutException.class) != null
                || "23505".equals(state) // unique violation
                || "90131".equals(state) // H2: the same key inserted by a transaction not committed yet
                || "40001".equals(state) // serialization failure; H2: deadlock
                || "40P01".equals(state) // PostgreSQL: deadlock
                || "55P03".equals(state) // PostgreSQL: lock_timeout
                || "HYT00".equals(state)) { // H2: lock timeout
            ContactConflictException conflict = new ContactConflictException(kind, value);
            conflict.initCause(e);
            return conflict;
        }
        return translate(e);
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

    /**
     * Another writer locked or inserted the same e-mail or phone at the same moment. A {@link
     * ConcurrentUpdateException} of entity {@code "Contact"} whose id is the value, with a message that
     * says so instead of naming a version.
     */
    static final class ContactConflictException extends ConcurrentUpdateException {
        private static final long serialVersionUID = 1L;

        private final String message;

        ContactConflictException(ContactKind kind, String value) {
            super("Contact", value, 0);
            String what = kind == ContactKind.EMAIL ? "e-mail " : kind == ContactKind.PHONE ? "phone " : "contact ";
            this.message = "another writer checked the " + what + value
                    + " at the same moment; nothing was written, try again";
        }

        @Override
        public String getMessage() {
            return message;
        }
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
