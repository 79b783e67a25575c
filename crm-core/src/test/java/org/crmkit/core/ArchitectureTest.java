package org.crmkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md and STYLE.md, as tests. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmkit.core");
    }

    @Test
    void core_dependsOnlyOnJdkAndSlf4j() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("org.crmkit.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.slf4j..", "org.crmkit.core..", "com.github.benmanes.caffeine..")
                .because("crm-core is framework-free; DESIGN.md allows a math library only in 'value' and"
                        + " Caffeine only in the cache package");
        rule.check(core);
    }

    @Test
    void caffeine_isConfinedToTheCachePackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.crmkit.core.cache..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.github.benmanes.caffeine..")
                .check(core);
    }

    @Test
    void slf4j_isUsedOnlyWhereNeeded() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.crmkit.core.common..", "org.crmkit.core.customer..", "org.crmkit.core.interaction..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slf4j..")
                .because("domain values and aggregates do not log")
                .check(core);
    }

    @Test
    void common_dependsOnNoConceptPackage() {
        noClasses()
                .that()
                .resideInAPackage("org.crmkit.core.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.crmkit.core.customer..",
                        "org.crmkit.core.interaction..",
                        "org.crmkit.core.spi..",
                        "org.crmkit.core.memory..")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage("org.crmkit.core.common..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.crmkit.core")
                .check(core);
    }

    @Test
    void conceptPackages_doNotDependOnStoresOrTheFacade() {
        noClasses()
                .that()
                .resideInAnyPackage("org.crmkit.core.customer..", "org.crmkit.core.interaction..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.crmkit.core.memory..",
                        "org.crmkit.core.spi..",
                        "org.crmkit.core.cache..",
                        "org.crmkit.core")
                .check(core);
    }

    @Test
    void interaction_mayUseCustomers_butCustomersKnowNothingOfInteractions() {
        noClasses()
                .that()
                .resideInAPackage("org.crmkit.core.customer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.crmkit.core.interaction..")
                .because("an interaction refers to customers by id; the customer concept stays independent of it")
                .check(core);
        classes()
                .that()
                .resideInAPackage("org.crmkit.core.interaction..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.crmkit.core.common..",
                        "org.crmkit.core.customer..",
                        "org.crmkit.core.interaction..")
                .check(core);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("org.crmkit.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void stores_areReachedOnlyThroughTheirEntries() {
        classes()
                .that()
                .resideInAPackage("org.crmkit.core.memory..")
                .and()
                .arePublic()
                .should()
                .haveSimpleName("MemoryCrmStore")
                .check(core);
        classes()
                .that()
                .resideInAPackage("org.crmkit.core.cache..")
                .and()
                .arePublic()
                .should()
                .haveSimpleNameStartingWith("Caching")
                .orShould()
                .haveSimpleName("CacheSettings")
                .check(core);
    }

    @Test
    void domainCode_readsNoAmbientTimeOrRandomIds() {
        noClasses()
                .that()
                .resideInAPackage("org.crmkit.core..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time comes from the injected Clock and ids from the IdGenerator (STYLE.md 9)")
                .check(core);
    }
}
