package dev.mark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of DESIGN.md, made executable. */
@AnalyzeClasses(packages = "dev.mark", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule handlersNeverTouchTheDatabase = noClasses()
      .that().haveSimpleNameEndingWith("Handler")
      .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.mark.db..");

  @ArchTest
  static final ArchRule servicesNeverTouchHttp = noClasses()
      .that().haveSimpleNameEndingWith("Service")
      .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "dev.mark.api..");

  @ArchTest
  static final ArchRule repositoriesNeitherCommitNorSpeakHttp = noClasses()
      .that().haveSimpleNameEndingWith("Repository")
      .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "dev.mark.api..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.mark.platform.db.Transactions");

  @ArchTest
  static final ArchRule onlyTheBinderRegistersApiRoutes = noClasses()
      .that().resideOutsideOfPackages("dev.mark.platform.http..", "dev.mark.platform.docs..", "dev.mark")
      .should().dependOnClassesThat().haveFullyQualifiedName("io.javalin.config.RoutesConfig");

  @ArchTest
  static final ArchRule thePlatformDependsOnNoModule = noClasses()
      .that().resideInAPackage("dev.mark.platform..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.mark.datasets..", "dev.mark.keys..", "dev.mark.accounts..", "dev.mark.health..",
          "dev.mark.plans..", "dev.mark.usage..", "dev.mark.marketplace..");

  @ArchTest
  static final ArchRule repositoriesAreInternalToTheirModule = classes()
      .that().haveSimpleNameEndingWith("Repository")
      .should().notBePublic();
}
