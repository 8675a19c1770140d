package org.machi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MachiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
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
