package org.crmkit.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.cache.CacheSettings;
import org.crmkit.core.cache.CachingCrmStore;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.PhoneNormalizer;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.service.ServiceLevelPolicy;
import org.crmkit.core.spi.CrmStore;

/**
 * CRMKit's entry point: one per application, built once over a store and shared.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(MemoryCrmStore.create()).build();
 * CrmScope scope = crm.forTenant(TenantId.of("acme")).as(Actor.user("anna"));
 * Customer c = scope.customers().create(CustomerDraft.person("Anna", "Ivanova").email("anna@example.com"));
 * }</pre>
 *
 * <p>Work happens for one tenant and one actor through a {@link CrmScope}. Thread-safe and cheap to
 * share; scopes are cheap to make per request.
 */
public final class Crm {
    private final CrmStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final PhoneNormalizer phones;
    private final EventDispatcher events;
    private final ServiceLevelPolicy serviceLevels;
    private final AssignmentStrategy requestRouting;
    private final AssignmentStrategy leadRouting;

    private Crm(Builder b) {
        this.store = b.cache == null ? b.store : CachingCrmStore.wrap(b.store, b.cache);
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.timeOrdered(b.clock);
        this.phones = b.phones;
        this.events = new EventDispatcher(b.listeners);
        this.serviceLevels = b.serviceLevels;
        this.requestRouting = b.requestRouting;
        this.leadRouting = b.leadRouting;
    }

    /** Starts configuring a {@code Crm}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The work of {@code tenant}; name the actor next with {@link TenantAccess#as}. */
    public TenantAccess forTenant(TenantId tenant) {
        return new TenantAccess(this, ValidationException.requireNonNull(tenant, "tenant"));
    }

    /** The scope in which {@code actor} works on {@code tenant}'s data. */
    public CrmScope scope(TenantId tenant, Actor actor) {
        return forTenant(tenant).as(actor);
    }

    /**
     * The store this instance works on. Run units of work with {@link CrmScope#inTransaction}: the
     * store's own {@code inTransaction} does not hold events back until commit.
     */
    public CrmStore store() {
        return store;
    }

    /** The clock every timestamp comes from. */
    public Clock clock() {
        return clock;
    }

    IdGenerator ids() {
        return ids;
    }

    PhoneNormalizer phones() {
        return phones;
    }

    EventDispatcher events() {
        return events;
    }

    ServiceLevelPolicy serviceLevels() {
        return serviceLevels;
    }

    AssignmentStrategy requestRouting() {
        return requestRouting;
    }

    AssignmentStrategy leadRouting() {
        return leadRouting;
    }

    /** The work of one tenant, waiting for the actor. Immutable. */
    public static final class TenantAccess {
        private final Crm crm;
        private final TenantId tenant;

        private TenantAccess(Crm crm, TenantId tenant) {
            this.crm = crm;
            this.tenant = tenant;
        }

        /** The scope in which {@code actor} works on this tenant's data. */
        public CrmScope as(Actor actor) {
            return new CrmScope(crm, tenant, ValidationException.requireNonNull(actor, "actor"));
        }
    }

    /**
     * Configures a {@link Crm}. Only the store is required; the clock defaults to the system UTC
     * clock in whole microseconds, ids to time-ordered UUIDs on that clock, phone numbers to international form. Not
     * thread-safe.
     */
    public static final class Builder {
        private CrmStore store;
        // microseconds: what every SQL store keeps, so a saved timestamp reads back equal
        private Clock clock = new MicrosecondClock(Clock.systemUTC());
        private IdGenerator ids;
        private PhoneNormalizer phones = PhoneNormalizer.international();
        private final List<EventListener> listeners = new ArrayList<>();
        private CacheSettings cache;
        private ServiceLevelPolicy serviceLevels = ServiceLevelPolicy.standard();
        private AssignmentStrategy requestRouting;
        private AssignmentStrategy leadRouting;

        private Builder() {}

        /**
         * Serves customer lookups by id from a cache in this JVM, bounded by {@code settings}; off
         * unless called. Needs Caffeine on the class path. Read {@link CacheSettings} before using it
         * with several host instances on one database.
         */
        public Builder cache(CacheSettings settings) {
            this.cache = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The store to keep data in: in-memory, JDBC, JPA or the host's own. */
        public Builder store(CrmStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for every timestamp; tests pass a fixed or stepping clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of new ids; defaults to time-ordered UUIDs on the clock. */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** How phone numbers as typed become canonical ones, such as {@code PhoneNormalizer.withDefaultCountry("84")}. */
        public Builder phoneNormalizer(PhoneNormalizer phones) {
            this.phones = Objects.requireNonNull(phones, "phones");
            return this;
        }

        /** The service levels that set new requests' deadlines; {@link ServiceLevelPolicy#standard()} unless set. */
        public Builder serviceLevels(ServiceLevelPolicy policy) {
            this.serviceLevels = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How new requests are routed to staff and teams; unless set, they open unassigned. */
        public Builder requestRouting(AssignmentStrategy strategy) {
            this.requestRouting = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Who owns new opportunities whose draft and customer name no owner (new leads); unless set,
         * such drafts are refused.
         */
        public Builder leadRouting(AssignmentStrategy strategy) {
            this.leadRouting = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Adds a listener that hears every domain event after commit, in registration order. */
        public Builder listener(EventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the {@code Crm}.
         *
         * @throws IllegalStateException when no store was given
         */
        public Crm build() {
            if (store == null) {
                throw new IllegalStateException("Crm.builder() needs a store(...), such as MemoryCrmStore.create()");
            }
            return new Crm(this);
        }
    }
}
