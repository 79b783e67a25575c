package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.memory.MemoryCrmStore;

/** Customers of the {@link CustomerDataGenerator}, built and validated as a host's would be, not yet stored. */
final class GeneratedCustomers {
    private static final Actor ACTOR = Actor.system("benchmark");

    private GeneratedCustomers() {}

    /**
     * Customers {@code from} to {@code from + count - 1} of {@code generator} for {@code tenant}, at
     * version 0 (new), exactly as {@code CustomerService.create} builds them.
     */
    static List<Customer> make(CustomerDataGenerator generator, long from, int count, TenantId tenant) {
        return make(generator, from, count, tenant, index -> null);
    }

    /**
     * The same customers, each owned by the staff member {@code owners} names for its index (none
     * where it gives null).
     */
    static List<Customer> make(
            CustomerDataGenerator generator, long from, int count, TenantId tenant, LongFunction<StaffId> owners) {
        CustomerService service = Crm.builder()
                .store(MemoryCrmStore.create())
                .build()
                .forTenant(tenant)
                .as(ACTOR)
                .customers();
        List<Customer> customers = new ArrayList<>(count);
        for (long i = from; i < from + count; i++) {
            CustomerDraft draft = generator.spec(i).toDraft();
            StaffId owner = owners.apply(i);
            if (owner != null) {
                draft.owner(owner);
            }
            customers.add(service.create(draft).withVersion(0));
        }
        return customers;
    }
}
