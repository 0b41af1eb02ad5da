package io.fraudops.workers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The production application: no stand-ins, no tools, no cycles between its feature packages. */
@AnalyzeClasses(packages = "io.fraudops.workers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule usesNoLocalStandIn =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.fraudops.local..",
              "io.camunda.zeebe.process.test..",
              "io.zonky..",
              "redis.embedded..",
              "org.gaul..")
          .because("production points at real endpoints; the local runtime sets their properties for ./fraud");

  @ArchTest
  static final ArchRule dependsOnNoTool =
      noClasses().should().dependOnClassesThat().resideInAPackage("io.fraudops.cli..");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.fraudops.workers.(**)").should().beFreeOfCycles();
}
