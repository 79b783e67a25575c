package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.memory.MemoryCrmStore;
import org.junit.jupiter.api.Test;

class CustomerDataGeneratorTest {
    private static final int CUSTOMERS = 10_000;

    @Test
    void spec_sameSeed_sameCustomers() {
        List<CustomerSpec> first =
                new CustomerDataGenerator(7).specs(0, CUSTOMERS).toList();
        List<CustomerSpec> again =
                new CustomerDataGenerator(7).specs(0, CUSTOMERS).toList();

        assertThat(again).isEqualTo(first);
        assertThat(new CustomerDataGenerator(7).spec(4_321)).isEqualTo(first.get(4_321));
        assertThat(new CustomerDataGenerator(8).specs(0, 100).toList()).isNotEqualTo(first.subList(0, 100));
    }

    @Test
    void spec_tenThousandCustomers_emailsAndPhonesUniqueAfterNormalisation() {
        Set<EmailAddress> emails = new HashSet<>();
        Set<PhoneNumber> phones = new HashSet<>();
        int emailCount = 0;
        int phoneCount = 0;
        for (CustomerSpec spec :
                new CustomerDataGenerator(7).specs(0, CUSTOMERS).toList()) {
            for (String email : spec.emails()) {
                emails.add(EmailAddress.of(email));
                emailCount++;
            }
            for (String phone : spec.phones()) {
                phones.add(PhoneNumber.of(phone));
                phoneCount++;
            }
        }

        assertThat(emails).hasSize(emailCount);
        assertThat(phones).hasSize(phoneCount);
        assertThat(emailCount).isGreaterThan(CUSTOMERS);
        assertThat(phoneCount).isBetween(CUSTOMERS * 3 / 4, CUSTOMERS);
    }

    @Test
    void spec_tenThousandCustomers_mixesScriptsKindsAndSkewedTags() {
        List<CustomerSpec> specs =
                new CustomerDataGenerator(7).specs(0, CUSTOMERS).toList();
        Map<CustomerSpec.Script, Long> byScript =
                specs.stream().collect(Collectors.groupingBy(CustomerSpec::script, Collectors.counting()));
        Map<String, Long> byTag = specs.stream()
                .flatMap(s -> s.tags().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(byScript).containsOnlyKeys(CustomerSpec.Script.values());
        assertThat(byScript.values()).allSatisfy(n -> assertThat(n).isGreaterThan(CUSTOMERS / 20));
        assertThat(specs.stream().filter(s -> !s.legalName().isEmpty()).count()).isBetween(1_500L, 2_500L);
        assertThat(byTag.get("newsletter")).isGreaterThan(CUSTOMERS / 10);
        assertThat(byTag.values().stream().filter(n -> n < CUSTOMERS / 100).count())
                .isGreaterThan(byTag.size() / 2);
    }

    @Test
    void create_twoThousandDrafts_storeAcceptsAllWithoutDuplicates() {
        CustomerService customers = Crm.builder()
                .store(MemoryCrmStore.create())
                .build()
                .forTenant(TenantId.of("test"))
                .as(Actor.system("test"))
                .customers();
        CustomerDataGenerator generator = new CustomerDataGenerator(7);

        for (int i = 0; i < 2_000; i++) {
            customers.create(generator.draft(i));
        }

        assertThat(customers.count(org.crmkit.core.customer.CustomerQuery.all()))
                .isEqualTo(2_000);
    }
}
