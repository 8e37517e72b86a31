package flock.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules the build checks, over the production classes of every module: modules depend one way,
 * packages form no cycle, only the API node's HTTP layer knows Helidon's web server, and nothing passes state behind
 * the call graph's back. A change that breaks one fails here with the offending dependency named.
 */
class ArchitectureTest {
    private static final JavaClasses FLOCK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                    "flock.domain",
                    "flock.mapstores",
                    "flock.objectstore",
                    "flock.pipelines",
                    "flock.analytics",
                    "flock.gridnode",
                    "flock.apinode");

    @Test
    void should_find_every_production_module() {
        // Guards the rules below against passing vacuously on an empty or partial import.
        for (String module : new String[] {
            "flock.domain",
            "flock.mapstores",
            "flock.objectstore",
            "flock.pipelines",
            "flock.analytics",
            "flock.gridnode",
            "flock.apinode"
        }) {
            org.assertj.core.api.Assertions.assertThat(
                            FLOCK.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as("classes of %s imported", module)
                    .isTrue();
        }
    }

    @Test
    void should_keep_module_dependencies_flowing_one_way() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("flock..")
                .layer("domain")
                .definedBy("flock.domain..")
                .layer("mapstores")
                .definedBy("flock.mapstores..")
                .layer("objectstore")
                .definedBy("flock.objectstore..")
                .layer("pipelines")
                .definedBy("flock.pipelines..")
                .layer("analytics")
                .definedBy("flock.analytics..")
                .layer("grid node")
                .definedBy("flock.gridnode..")
                .layer("api node")
                .definedBy("flock.apinode..")
                .whereLayer("grid node")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("api node")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("mapstores")
                .mayOnlyBeAccessedByLayers("grid node")
                .whereLayer("pipelines")
                .mayOnlyBeAccessedByLayers("grid node")
                .whereLayer("analytics")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("objectstore")
                .mayOnlyBeAccessedByLayers("grid node", "api node")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("mapstores", "objectstore", "pipelines", "grid node", "api node")
                .check(FLOCK);
    }

    @Test
    void should_have_no_cycle_between_the_domain_aggregates() {
        slices().matching("flock.domain.(*)..").should().beFreeOfCycles().check(FLOCK);
    }

    @Test
    void should_keep_the_domain_vocabulary_free_of_the_aggregates() {
        // flock.domain (map names, error codes) is what every aggregate uses; it must use none of them.
        noClasses()
                .that()
                .resideInAPackage("flock.domain")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "flock.domain.account..",
                        "flock.domain.tweet..",
                        "flock.domain.timeline..",
                        "flock.domain.graph..",
                        "flock.domain.media..",
                        "flock.domain.limits..",
                        "flock.domain.safety..",
                        "flock.domain.cluster..",
                        "flock.domain.serialization..")
                .check(FLOCK);
    }

    @Test
    void should_keep_the_domain_free_of_servers_and_drivers() {
        noClasses()
                .that()
                .resideInAPackage("flock.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.helidon..", "com.datastax..", "io.minio..")
                .check(FLOCK);
    }

    @Test
    void should_have_no_cycle_between_the_api_nodes_packages() {
        slices().matching("flock.apinode.(*)..").should().beFreeOfCycles().check(FLOCK);
    }

    @Test
    void should_let_only_the_http_layer_know_the_web_server() {
        noClasses()
                .that()
                .resideInAPackage("flock.apinode.(*)..")
                .and()
                .resideOutsideOfPackage("flock.apinode.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.helidon.webserver..", "io.helidon.http..")
                .check(FLOCK);
    }

    @Test
    void should_let_no_service_call_the_http_layer_or_the_composition_root() {
        noClasses()
                .that()
                .resideInAPackage("flock.apinode.(*)..")
                .and()
                .resideOutsideOfPackage("flock.apinode.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("flock.apinode.http..", "flock.apinode")
                .check(FLOCK);
    }

    @Test
    void should_pass_no_state_through_thread_locals_in_the_api_node() {
        // A request's facts travel in its context or as arguments, where a reader can follow them.
        noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("flock.apinode..")
                .should()
                .haveRawType(ThreadLocal.class)
                .check(FLOCK);
    }
}
