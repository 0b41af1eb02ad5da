package io.fraudops.workers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The production application: no stand-ins, no tools, no cycles between its feature packages. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.fraudops.workers");

  @Test
  void usesNoLocalStandIn() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.fraudops.local..",
                "io.camunda.zeebe.process.test..",
                "io.zonky..",
                "redis.embedded..",
                "org.gaul..")
            .because(
                "production points at real endpoints; the local runtime sets their properties for ./fraud");
    rule.check(CLASSES);
  }

  @Test
  void dependsOnNoTool() {
    ArchRule rule =
        noClasses().should().dependOnClassesThat().resideInAPackage("io.fraudops.cli..");
    rule.check(CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    ArchRule rule = slices().matching("io.fraudops.workers.(**)").should().beFreeOfCycles();
    rule.check(CLASSES);
  }
}
