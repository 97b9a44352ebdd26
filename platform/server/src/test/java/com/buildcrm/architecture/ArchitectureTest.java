package com.buildcrm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
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

    /**
     * Every package (a subpackage such as {@code ai.turn} too) is its own slice, and no slice may
     * reach itself again through others: dependencies between packages point one way.
     */
    static ArchRule noPackageCycles() {
        return slices().matching("com.buildcrm.(**)")
                .should()
                .beFreeOfCycles()
                .because(
                        "a package cycle makes every package in it change together; invert the"
                                + " dependency (a CDI-discovered interface, an event) or move the type"
                                + " to the package that owns it (ADR 013)");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        noPackageCycles().check(classes);
    }

    @Test
    void theCycleRuleFailsOnACycle() {
        JavaClasses fixture =
                new ClassFileImporter().importPackages("com.buildcrm.architecture.fixture.cycle");
        assertThat(fixture).isNotEmpty();

        EvaluationResult result = noPackageCycles().evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("architecture.fixture.cycle.a")
                .contains("architecture.fixture.cycle.b");
    }

    @Test
    void theProductionImportHoldsNoFixture() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .contains("com.buildcrm.jobs")
                .noneMatch(p -> p.startsWith("com.buildcrm.architecture"));
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
                .orShould()
                .beDeclaredInClassesThat()
                .areAnnotatedWith(PermitAll.class)
                .because(
                        "an endpoint without a role annotation is an open door (a public resource"
                                + " says so once, on its class: ADR 053)")
                .check(classes);
    }

    @Test
    void onlyTheChannelRegistryKnowsTheProviderAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "com.buildcrm.channel.chatflow..", "com.buildcrm.channel.meta..")
                .and()
                .doNotHaveFullyQualifiedName(
                        com.buildcrm.channel.builtin.BuiltInChannels.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.buildcrm.channel.chatflow..", "com.buildcrm.channel.meta..")
                .because(
                        "the built-in adapters are put together in BuiltInChannels, a provider key"
                                + " chooses code in Channels only; the rest holds a WhatsAppGateway"
                                + " or an InboundWebhook (STYLE.md: no if provider == …)")
                .check(classes);
    }
}
