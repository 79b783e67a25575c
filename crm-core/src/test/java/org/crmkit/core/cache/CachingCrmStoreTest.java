package org.crmkit.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.Test;

class CachingCrmStoreTest {
    private final CountingStore counting = new CountingStore(MemoryCrmStore.create());
    private final Crm crm = Crm.builder()
            .store(counting)
            .cache(CacheSettings.of(1_000, Duration.ofMinutes(5)))
            .build();
    private final CrmScope scope = crm.forTenant(TenantId.of("t1")).as(Actor.user("u"));

    @Test
    void findById_isServedFromTheCacheAfterTheFirstLoad() {
        Customer c = scope.customers().create(CustomerDraft.person("Anna", "Ivanova"));
        counting.finds.set(0);
        scope.customers().get(c.id());
        scope.customers().get(c.id());
        scope.customers().get(c.id());
        assertThat(counting.finds).hasValue(1);
    }

    @Test
    void write_invalidatesSoTheNextReadSeesIt() {
        Customer c = scope.customers().create(CustomerDraft.person("Anna", "Ivanova"));
        scope.customers().get(c.id());
        scope.customers().tag(c.id(), "vip");
        assertThat(scope.customers().get(c.id()).tags())
                .extracting(t -> t.value())
                .containsExactly("vip");
    }

    @Test
    void rolledBackWrite_neverReachesTheCache() {
        Customer c = scope.customers().create(CustomerDraft.person("Anna", "Ivanova"));
        scope.customers().get(c.id());
        assertThatThrownBy(() -> scope.inTransaction(() -> {
                    scope.customers().tag(c.id(), "vip");
                    assertThat(scope.customers().get(c.id()).tags()).isNotEmpty(); // own write visible inside
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        assertThat(scope.customers().get(c.id()).tags()).isEmpty();
    }

    @Test
    void tenants_haveSeparateEntries() {
        Customer c = scope.customers().create(CustomerDraft.person("Anna", "Ivanova"));
        scope.customers().get(c.id());
        CrmScope other = crm.forTenant(TenantId.of("t2")).as(Actor.user("u"));
        assertThat(other.customers().find(c.id())).isEmpty();
    }

    @Test
    void settings_areValidated() {
        assertThatThrownBy(() -> CacheSettings.of(0, Duration.ofSeconds(1))).hasMessageContaining("maximumSize");
        assertThatThrownBy(() -> CacheSettings.of(1, Duration.ZERO)).hasMessageContaining("timeToLive");
    }

    /** Counts the lookups by id that reach the store behind the cache. */
    private static final class CountingStore implements CrmStore {
        final AtomicInteger finds = new AtomicInteger();
        private final CrmStore store;

        CountingStore(CrmStore store) {
            this.store = store;
        }

        @Override
        public CustomerRepository customers(TenantId tenant) {
            CustomerRepository repository = store.customers(tenant);
            return new CustomerRepository() {
                @Override
                public Optional<Customer> findById(CustomerId id) {
                    finds.incrementAndGet();
                    return repository.findById(id);
                }

                @Override
                public Customer save(Customer customer) {
                    return repository.save(customer);
                }

                @Override
                public java.util.List<Customer> findByEmail(EmailAddress email) {
                    return repository.findByEmail(email);
                }

                @Override
                public java.util.List<Customer> findByPhone(PhoneNumber phone) {
                    return repository.findByPhone(phone);
                }

                @Override
                public Page<Customer> list(CustomerQuery query, PageRequest page) {
                    return repository.list(query, page);
                }

                @Override
                public long count(CustomerQuery query) {
                    return repository.count(query);
                }
            };
        }

        @Override
        public RelationshipRepository relationships(TenantId tenant) {
            return store.relationships(tenant);
        }

        @Override
        public InteractionRepository interactions(TenantId tenant) {
            return store.interactions(tenant);
        }

        @Override
        public org.crmkit.core.service.RequestRepository requests(TenantId tenant) {
            return store.requests(tenant);
        }

        @Override
        public org.crmkit.core.task.TaskRepository tasks(TenantId tenant) {
            return store.tasks(tenant);
        }

        @Override
        public org.crmkit.core.routing.RotationRepository rotations(TenantId tenant) {
            return store.rotations(tenant);
        }

        @Override
        public org.crmkit.core.sales.PipelineRepository pipelines(TenantId tenant) {
            return store.pipelines(tenant);
        }

        @Override
        public org.crmkit.core.sales.OpportunityRepository opportunities(TenantId tenant) {
            return store.opportunities(tenant);
        }

        @Override
        public org.crmkit.core.sales.OrderRepository orders(TenantId tenant) {
            return store.orders(tenant);
        }

        @Override
        public org.crmkit.core.sales.QuotaRepository quotas(TenantId tenant) {
            return store.quotas(tenant);
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return store.inTransaction(work);
        }
    }
}
