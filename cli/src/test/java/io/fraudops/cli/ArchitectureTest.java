package io.fraudops.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Across modules, seen from the command line, which has them all on its classpath: serving code
 * never reaches into the tools or the local runtime, and the tools' packages have no cycles.
 */
@AnalyzeClasses(packages = "io.fraudops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule servingDoesNotDependOnTools =
      noClasses()
          .that()
          .resideInAnyPackage("io.fraudops.workers..", "io.fraudops.feature..", "io.fraudops.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fraudops.cli..", "io.fraudops.local..");

  @ArchTest
  static final ArchRule localRuntimeKnowsNoApplicationCode =
      noClasses()
          .that()
          .resideInAPackage("io.fraudops.local..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fraudops.workers..", "io.fraudops.cli..", "io.fraudops.feature..", "io.fraudops.model..");

  @ArchTest
  static final ArchRule toolPackagesAreFreeOfCycles =
      slices().matching("io.fraudops.cli.(**)").should().beFreeOfCycles();
}
