package com.buildcrm.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.architecture.fixture.tenancy.ForgedTenant;
import com.buildcrm.architecture.fixture.tenancy.OpensTenantItself;
import com.buildcrm.architecture.fixture.tenancy.SchemaInSql;
import com.buildcrm.architecture.fixture.tenancy.SchemaNameProducer;
import com.buildcrm.tenancy.TenantRef;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenancy seal (ADR 012), kept by tools: no schema name outside {@code tenancy}, no tenant
 * forged outside it, and its tenant entry neither public nor called from outside. Each rule is
 * checked on the production classes (must pass) and on a fixture that breaks it (must fail), so a
 * rule that silently matches nothing cannot pass for a kept boundary.
 */
class TenancyRulesTest {

    private static final String TENANCY = "com.buildcrm.tenancy..";

    /** The provisioner generates schema names; everything else gets them only inside tenancy. */
    private static final String PROVISIONER = "com.buildcrm.provisioner..";

    static final ArchRule NO_SCHEMA_NAME_OUTSIDE_TENANCY =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(TENANCY, PROVISIONER)
                    .should()
                    .callMethod(TenantRef.class, "schema")
                    .orShould()
                    .callMethodWhere(target(name("schemaName")))
                    .because(
                            "the tenant unit of work sets the search_path; SQL outside tenancy uses"
                                    + " unqualified tenant table names and never names a schema");

    static final ArchRule TENANTS_ARE_RESOLVED_NOT_FORGED =
            noClasses()
                    .that()
                    .resideOutsideOfPackage(TENANCY)
                    .should()
                    .callConstructor(TenantRef.class, long.class, String.class, String.class)
                    .because("a TenantRef comes from tenancy (token, directory, job entry) only");

    static final ArchRule TENANT_ENTRY_IS_NOT_PUBLIC =
            methods()
                    .that()
                    .haveName("inTenant")
                    .and()
                    .areDeclaredInClassesThat()
                    .haveSimpleName("Transactions")
                    .should()
                    .notBePublic()
                    .because(
                            "code outside tenancy enters a tenant through TenantData or"
                                    + " TenantTransactions");

    static final ArchRule TENANT_ENTRY_IS_CALLED_ONLY_IN_TENANCY =
            noClasses()
                    .that()
                    .resideOutsideOfPackage(TENANCY)
                    .should()
                    .callMethodWhere(
                            target(name("inTenant")).and(target(owner(simpleName("Transactions")))))
                    .because(
                            "code outside tenancy enters a tenant through TenantData or"
                                    + " TenantTransactions");

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.buildcrm");
        fixtures = new ClassFileImporter().importPackagesOf(SchemaInSql.class);
    }

    @Test
    void productionCodeKeepsTheSeal() {
        NO_SCHEMA_NAME_OUTSIDE_TENANCY.check(production);
        TENANTS_ARE_RESOLVED_NOT_FORGED.check(production);
        TENANT_ENTRY_IS_NOT_PUBLIC.check(production);
        TENANT_ENTRY_IS_CALLED_ONLY_IN_TENANCY.check(production);
    }

    @Test
    void theRulesSeeTheRealTenancyClasses() {
        // guards against a rule that passes because it matches nothing
        assertThat(production.contain(TenantRef.class)).isTrue();
        assertThat(production.contain(com.buildcrm.tenancy.Transactions.class)).isTrue();
        assertThat(
                        production
                                .get(com.buildcrm.tenancy.Transactions.class)
                                .getMethods()
                                .stream()
                                .anyMatch(m -> m.getName().equals("inTenant")))
                .isTrue();
    }

    @Test
    void aSchemaConcatenatedIntoSqlIsReported() {
        assertViolation(NO_SCHEMA_NAME_OUTSIDE_TENANCY, SchemaInSql.class, "schema()");
    }

    @Test
    void aSchemaNameProducerUsedOutsideTenancyIsReported() {
        assertViolation(NO_SCHEMA_NAME_OUTSIDE_TENANCY, SchemaNameProducer.class, "schemaName()");
    }

    @Test
    void aForgedTenantIsReported() {
        assertViolation(TENANTS_ARE_RESOLVED_NOT_FORGED, ForgedTenant.class, "TenantRef.<init>");
    }

    @Test
    void aPublicTenantEntryIsReported() {
        assertViolation(
                TENANT_ENTRY_IS_NOT_PUBLIC,
                com.buildcrm.architecture.fixture.tenancy.Transactions.class,
                "inTenant");
    }

    @Test
    void aTenantEntryCalledOutsideTenancyIsReported() {
        assertViolation(
                TENANT_ENTRY_IS_CALLED_ONLY_IN_TENANCY, OpensTenantItself.class, "inTenant");
    }

    private static void assertViolation(ArchRule rule, Class<?> offender, String what) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as("rule reports the fixture").isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(offender.getName()).contains(what));
    }
}
