package org.stockroom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The shape of the code (shared/DESIGN.md, shared/STYLE.md): features know nothing of the faces,
 * faces call features through their entry points and never each other, and stock changes by one
 * path only. Each rule names what breaks it.
 */
@AnalyzeClasses(packages = "org.stockroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] FEATURES = {
        "org.stockroom.catalog..",
        "org.stockroom.sales..",
        "org.stockroom.stock..",
        "org.stockroom.alerts..",
        "org.stockroom.reports..",
        "org.stockroom.imports..",
        "org.stockroom.notifications..",
        "org.stockroom.accounts..",
        "org.stockroom.selfcheck..",
        "org.stockroom.reservations..",
        "org.stockroom.backup..",
        "org.stockroom.purchasing..",
        "org.stockroom.channels..",
        "org.stockroom.settings.."
    };
    private static final String[] FACES = {
        "org.stockroom.api..", "org.stockroom.cli..", "org.stockroom.web..", "org.stockroom.http.."
    };

    @ArchTest
    static final ArchRule featuresDoNotDependOnFaces = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FACES)
            .because("the core must serve every face alike; a face translates, it holds no rules");

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheStoreFacade = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.stockroom")
            .because("Store delegates to the features; a feature calling Store back would tie them in a knot");

    @ArchTest
    static final ArchRule supportDependsOnNoFeatureOrFace = noClasses()
            .that()
            .resideInAPackage("org.stockroom.support..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(FACES)
            .because("support is what every feature shares, so it can know none of them");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching(
                    "org.stockroom.(catalog|sales|stock|alerts|reports|imports|notifications|accounts|selfcheck|reservations|purchasing|channels|settings)..")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule facesDoNotDependOnEachOther =
            slices().matching("org.stockroom.(api|cli|web)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule facesDoNotTouchTheDatabase = noClasses()
            .that()
            .resideInAnyPackage(FACES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
            .because("faces call Store or a feature service; SQL lives in the features' repositories");

    @ArchTest
    static final ArchRule apiClassesArePackagePrivate = classes()
            .that()
            .resideInAPackage("org.stockroom.api")
            .should()
            .notBePublic()
            .because("the JSON API is reached over HTTP, not from Java");

    @ArchTest
    static final ArchRule configurationRecordsAreNamedProperties = classes()
            .that()
            .areAnnotatedWith(org.springframework.boot.context.properties.ConfigurationProperties.class)
            .should()
            .haveSimpleNameEndingWith("Properties")
            .because("a *Settings class is the store's settings the owner edits in the UI (settings/); "
                    + "configuration keys bind to *Properties records");

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .notBePublic()
            .because("a feature's tables are reached through its service, so only its own package sees its repository");

    @ArchTest
    static final ArchRule salesDoNotDependOnReports = noClasses()
            .that()
            .resideInAPackage("org.stockroom.sales..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.stockroom.reports..")
            .because(
                    "sales writes the rollups reports read; a writer that needs its reader would put the write back in reports");

    @ArchTest
    static final ArchRule catalogDoesNotDependOnStock = noClasses()
            .that()
            .resideInAPackage("org.stockroom.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.stockroom.stock..")
            .because("stock builds on the catalog's products; the catalog writes only descriptive columns and must not "
                    + "reach for the stock statements, which stay package-private in stock");

    /** Feature services: what a face would be wired to if it went around Store. */
    private static final DescribedPredicate<JavaClass> FEATURE_SERVICE = resideInAnyPackage(FEATURES)
            .and(annotatedWith(Service.class).or(annotatedWith(Component.class)))
            .as("a feature's service");

    @ArchTest
    static final ArchRule facesGoThroughTheStore = constructors()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(FACES)
            .should(new ArchCondition<JavaConstructor>("take no feature service as a dependency") {
                @Override
                public void check(JavaConstructor constructor, ConditionEvents events) {
                    constructor.getRawParameterTypes().stream()
                            .filter(FEATURE_SERVICE)
                            .forEach(type -> events.add(SimpleConditionEvent.violated(
                                    constructor, constructor.getFullName() + " takes " + type.getName())));
                }
            })
            .because("every face reaches the features through Store (see org.stockroom.Store), so the faces offer"
                    + " the same operations with the same rules and one class lists them all");

    @ArchTest
    static final ArchRule onlyAccountsAmongTheFeaturesSpeaksHttp = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .and()
            .resideOutsideOfPackage("org.stockroom.accounts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
            .because("pages, server-sent events and statuses are the faces' business; accounts is the one"
                    + " exception, since the security filters guard every request");

    @ArchTest
    static final ArchRule controllersLiveInTheFaces = classes()
            .that()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .or()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should()
            .resideInAnyPackage("org.stockroom.web..", "org.stockroom.api..", "org.stockroom.http..")
            .because("pages live together in web and endpoints in api, so one layout serves every page; the error"
                    + " answers that serve both (http/ErrorAnswers) live with what the two share");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies come through constructors, so a class cannot exist without them");
}
