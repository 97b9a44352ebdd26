package com.buildcrm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries STYLE.md asks tools, not reviewers, to keep. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.buildcrm");
    }

    @Test
    void resourcesNeverUseTheEntityManager() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(EntityManagerFactory.class)
                .because("resources call services; persistence stays behind them")
                .check(classes);
    }

    @Test
    void onlyTheTenancyPackageChoosesASchema() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.buildcrm.tenancy..")
                .should()
                .callMethod(EntityManager.class, "setProperty", String.class, Object.class)
                .orShould()
                .callMethod(EntityManagerFactory.class, "createEntityManager", java.util.Map.class)
                .orShould()
                .callMethod(EntityManagerFactory.class, "createEntityManager")
                .orShould()
                .callConstructor(
                        com.buildcrm.tenancy.Transactions.class,
                        com.buildcrm.tenancy.EntityManagers.class)
                .because("the tenant is bound once, in the tenancy package, and nowhere else")
                .check(classes);
    }

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .and()
                .areAnnotatedWith(GET.class)
                .or()
                .areAnnotatedWith(POST.class)
                .or()
                .areAnnotatedWith(PUT.class)
                .or()
                .areAnnotatedWith(PATCH.class)
                .or()
                .areAnnotatedWith(DELETE.class)
                .or()
                .areAnnotatedWith(HEAD.class)
                .or()
                .areAnnotatedWith(OPTIONS.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .because("an endpoint without a role annotation is an open door")
                .check(classes);
    }

    @Test
    void onlyTheChannelRegistryKnowsTheProviderAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "com.buildcrm.channel.chatflow..", "com.buildcrm.channel.meta..")
                .and()
                .doNotHaveFullyQualifiedName(com.buildcrm.channel.Channels.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.buildcrm.channel.chatflow..", "com.buildcrm.channel.meta..")
                .because(
                        "a provider key chooses code in Channels only; the rest holds a WhatsAppGateway"
                                + " or an InboundWebhook (STYLE.md: no if provider == …)")
                .check(classes);
    }
}
