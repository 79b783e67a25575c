package org.crmkit.jpa;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.TransactionRequiredException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
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

    /**
     * Translates a failure to insert interactions. The store checks ids, external ids and corrections
     * before it inserts, so a unique violation (or an {@link EntityExistsException}) here means that a
     * concurrent writer recorded one of them in between: it becomes a {@link
     * DuplicateInteractionException} whose field the violated constraint names, {@code
     * crmkit_interaction_external_id_uq} for {@code "externalId"}, {@code crmkit_interaction_supersedes_uq}
     * for {@code "supersedes"}, any other key for {@code "id"}. Both H2 and PostgreSQL name the
     * constraint in the message; a name is believed only when one of the interactions has such a value.
     *
     * @param written the interactions whose rows the failed call or flush was writing; the value the
     *     exception names is theirs when only one of them has one
     */
    static CrmException onInteractionInsert(RuntimeException e, List<Interaction> written) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        String state = sqlState(e);
        if (find(e, EntityExistsException.class) == null && !"23505".equals(state)) {
            return translate(e, "interaction");
        }
        List<String> externalIds = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Interaction i : written) {
            ids.add(i.id().toString());
            i.externalId().ifPresent(externalIds::add);
            i.supersedes().ifPresent(s -> originals.add(s.toString()));
        }
        // The database names the constraint before it quotes any value (PostgreSQL's batch message,
        // which quotes the statement first, is followed by the server's own): of the names found, the
        // one nearest the start of a message is the violated one, whatever text the values hold.
        String field = "id";
        int nearest = Integer.MAX_VALUE;
        for (String message : messages(e)) {
            String text = message.toLowerCase(Locale.ROOT);
            int at = externalIds.isEmpty() ? -1 : text.indexOf("crmkit_interaction_external_id_uq");
            if (at >= 0 && at < nearest) {
                nearest = at;
                field = "externalId";
            }
            at = originals.isEmpty() ? -1 : text.indexOf("crmkit_interaction_supersedes_uq");
            if (at >= 0 && at < nearest) {
                nearest = at;
                field = "supersedes";
            }
            at = text.indexOf("crmkit_interaction_pk");
            if (at >= 0 && at < nearest) {
                nearest = at;
                field = "id";
            }
        }
        DuplicateInteractionException duplicate = switch (field) {
            case "externalId" -> new DuplicateInteractionException(field, oneOf(externalIds, "external ids"));
            case "supersedes" -> new DuplicateInteractionException(field, oneOf(originals, "superseded interactions"));
            default -> new DuplicateInteractionException(field, oneOf(ids, "ids"));
        };
        duplicate.initCause(e);
        return duplicate;
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

    /** The only value of {@code values}, or a description of them when there are several. */
    private static String oneOf(List<String> values, String what) {
        return values.size() == 1 ? values.get(0) : "one of " + values.size() + " " + what + " written at once";
    }

    /** The messages of {@code e}, its causes and every chained {@link SQLException}. */
    private static List<String> messages(Throwable e) {
        List<String> all = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.add(t.getMessage());
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql.getNextException(); s != null; s = s.getNextException()) {
                    if (s.getMessage() != null) {
                        all.add(s.getMessage());
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return all;
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
