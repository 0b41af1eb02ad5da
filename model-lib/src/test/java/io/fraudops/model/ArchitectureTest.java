package io.fraudops.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The model library stays a plain library: no framework, no engine, no cycles between its packages.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.fraudops.model");

  @Test
  void knowsNothingOfSpringOrCamunda() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.camunda..")
            .because(
                "the workers' @JobWorker handlers are thin glue over this library, which any tool can use");
    rule.check(CLASSES);
  }

  @Test
  void dependsOnNoApplicationModule() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.fraudops.workers..", "io.fraudops.cli..", "io.fraudops.local..");
    rule.check(CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    ArchRule rule = slices().matching("io.fraudops.model.(**)").should().beFreeOfCycles();
    rule.check(CLASSES);
  }
}
