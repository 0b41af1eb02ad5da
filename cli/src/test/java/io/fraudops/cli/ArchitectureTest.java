package io.fraudops.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Across modules, seen from the command line, which has them all on its classpath: serving code
 * never reaches into the tools or the local runtime, and the tools' packages have no cycles.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The workers' test fixtures arrive as a -tests.jar, which the predefined option does not
          // recognise.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.fraudops");

  @Test
  void servingDoesNotDependOnTools() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(
                "io.fraudops.workers..", "io.fraudops.feature..", "io.fraudops.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fraudops.cli..", "io.fraudops.local..");
    rule.check(CLASSES);
  }

  @Test
  void localRuntimeKnowsNoApplicationCode() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.fraudops.local..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.fraudops.workers..",
                "io.fraudops.cli..",
                "io.fraudops.feature..",
                "io.fraudops.model..");
    rule.check(CLASSES);
  }

  @Test
  void toolPackagesAreFreeOfCycles() {
    ArchRule rule = slices().matching("io.fraudops.cli.(**)").should().beFreeOfCycles();
    rule.check(CLASSES);
  }
}
