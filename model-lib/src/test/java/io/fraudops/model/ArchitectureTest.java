package io.fraudops.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The model library stays a plain library: no framework, no engine, no cycles between its packages. */
@AnalyzeClasses(packages = "io.fraudops.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfSpringOrCamunda = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.camunda..")
            .because("the workers' @JobWorker handlers are thin glue over this library, which any tool can use");

    @ArchTest
    static final ArchRule dependsOnNoApplicationModule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.fraudops.workers..", "io.fraudops.cli..",
                    "io.fraudops.local..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.fraudops.model.(**)").should().beFreeOfCycles();
}
