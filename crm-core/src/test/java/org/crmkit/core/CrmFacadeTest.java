package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EventListener;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.DuplicateCustomerException;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.memory.MemoryCrmStore;
import org.junit.jupiter.api.Test;

class CrmFacadeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder()
            .store(MemoryCrmStore.create())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .listener(events::add)
            .build();
    private final CrmScope scope = crm.forTenant(TenantId.of("salon-1")).as(Actor.user("anna"));
    private final CustomerService customers = scope.customers();

    @Test
    void create_stampsClockActorAndVersionAndPublishesCreated() {
        Customer c = customers.create(CustomerDraft.person("Ngọc", "Đặng").email("ngoc@example.vn"));
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.audit().createdAt()).isEqualTo(NOW);
        assertThat(c.audit().createdBy()).isEqualTo(Actor.user("anna"));
        assertThat(c.id().value().version()).isEqualTo(7);
        assertThat(events).singleElement().isInstanceOf(CustomerEvent.CustomerCreated.class);
    }

    @Test
    void events_waitForTheOutermostCommitAndVanishOnRollback() {
        scope.inTransaction(() -> {
            customers.create(CustomerDraft.person("A", "One"));
            assertThat(events).isEmpty();
        });
        assertThat(events).hasSize(1);

        assertThatThrownBy(() -> scope.inTransaction(() -> {
                    customers.create(CustomerDraft.person("B", "Two"));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(events).hasSize(1);
        assertThat(customers.count(org.crmkit.core.customer.CustomerQuery.all()))
                .isEqualTo(1);
    }

    @Test
    void failingListener_doesNotReachTheCaller() {
        Crm noisy = Crm.builder()
                .store(MemoryCrmStore.create())
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(EventListener.of(CustomerEvent.CustomerCreated.class, events::add))
                .build();
        noisy.forTenant(TenantId.of("t"))
                .as(Actor.system("test"))
                .customers()
                .create(CustomerDraft.organization("Acme"));
        assertThat(events).hasSize(1);
    }

    @Test
    void update_staleCopy_failsAndKeepsTheStoredCustomer() {
        Customer read = customers.create(CustomerDraft.person("Ivan", "Petrov"));
        customers.update(read.withDisplayName("Vanya"));
        assertThatThrownBy(() -> customers.update(read.withDisplayName("Ivan P.")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(customers.get(read.id()).displayName()).isEqualTo("Vanya");
        assertThat(customers.get(read.id()).version()).isEqualTo(2);
    }

    @Test
    void update_publishesWhatChanged() {
        Customer c = customers.create(CustomerDraft.person("Ivan", "Petrov"));
        events.clear();
        customers.update(c.withTags(List.of(Tag.of("vip"))).withStage(LifecycleStage.PROSPECT));
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        CustomerEvent.CustomerChanged.class,
                        e -> assertThat(e.changedFields()).containsExactly("tags"));
        assertThat(events.get(1)).isInstanceOf(CustomerEvent.CustomerStageChanged.class);
    }

    @Test
    void unchangedCommand_writesNothing() {
        Customer c = customers.create(CustomerDraft.person("Ivan", "Petrov").tags("vip"));
        assertThat(customers.tag(c.id(), "VIP").version()).isEqualTo(1);
    }

    @Test
    void create_duplicatePhoneInAnotherSpelling_namesTheExistingCustomer() {
        Customer first = customers.create(CustomerDraft.person("Ivan", "Petrov").phone("+7 912 345-67-89"));
        assertThatThrownBy(() ->
                        customers.create(CustomerDraft.person("I.", "Petrov").phone("007 (912) 3456789")))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.existing()).isEqualTo(first.id());
                    assertThat(e.field()).isEqualTo("phone");
                });
    }

    @Test
    void create_futureBirthday_isRefused() {
        assertThatThrownBy(() ->
                        customers.create(CustomerDraft.person("Baby", "Future").birthday(LocalDate.of(2030, 1, 1))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("birthday"));
    }

    @Test
    void link_needsBothCustomersInTheTenant() {
        Customer org = customers.create(CustomerDraft.organization("Acme"));
        Customer person = customers.create(CustomerDraft.person("Anna", "Ivanova"));
        Customer stranger = crm.forTenant(TenantId.of("other"))
                .as(Actor.user("x"))
                .customers()
                .create(CustomerDraft.person("Other", "Tenant"));
        customers.link(person.id(), org.id(), RelationshipRole.EMPLOYEE_OF);
        assertThat(customers.relationships(org.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.from()).isEqualTo(person.id()));
        assertThatThrownBy(() -> customers.link(stranger.id(), org.id(), RelationshipRole.CONTACT_OF))
                .isInstanceOf(org.crmkit.core.common.NotFoundException.class);
    }

    @Test
    void search_findsByAccentFreePrefix() {
        customers.create(CustomerDraft.person("Thị Ngọc", "Đặng"));
        customers.create(CustomerDraft.person("Ngozi", "Okafor"));
        customers.create(CustomerDraft.person("Anna", "Ivanova"));
        assertThat(customers.search("NGO", PageRequest.first(10)).items())
                .extracting(Customer::displayName)
                .containsExactly("Ngozi Okafor", "Thị Ngọc Đặng");
    }

    @Test
    void builder_withoutStore_explainsWhatIsMissing() {
        assertThatThrownBy(() -> Crm.builder().build()).hasMessageContaining("store");
    }
}
