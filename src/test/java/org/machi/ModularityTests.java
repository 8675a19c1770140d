package org.machi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MachiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Every module may use shared; shared uses none of them, and says so, so that verify() holds it to that. */
    @Test
    void sharedMayDependOnNoOtherModule() throws Exception {
        ApplicationModule declared = Class.forName("org.machi.shared.package-info").getAnnotation(ApplicationModule.class);
        assertThat(declared.allowedDependencies()).as("an explicit empty list, not the open default").isEmpty();
        assertThat(modules.getModuleByName("shared").orElseThrow().getDirectDependencies(modules).stream()).isEmpty();
    }

    /**
     * Publishing announces what it published (AlertPublished, NoticePublished, NoticeWithdrawn) and
     * delivery listens; publishing never reaches into delivery, so the two form no cycle.
     */
    @Test
    void publishingDoesNotDependOnDelivery() {
        List<String> intoDelivery = modules.getModuleByName("alerts").orElseThrow().getBasePackage().stream()
                .filter(type -> type.getPackageName().equals("org.machi.alerts.publishing"))
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .filter(dependency -> dependency.getTargetClass().getPackageName().equals("org.machi.alerts.delivery"))
                .map(Dependency::getDescription)
                .toList();
        assertThat(intoDelivery).isEmpty();
    }

    /** Web Push is the alerts module's: shared keeps only the generic signing key it is signed with. */
    @Test
    void sharedHoldsNothingOfWebPush() {
        assertThat(modules.getModuleByName("shared").orElseThrow().getBasePackage().stream().map(type -> type.getSimpleName()))
                .noneMatch(name -> name.contains("Push"));
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        new Documenter(modules).writeDocumentation();

        Path docs = Path.of("target/spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("module-shared"));
        }
    }
}
