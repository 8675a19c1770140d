package org.machi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
