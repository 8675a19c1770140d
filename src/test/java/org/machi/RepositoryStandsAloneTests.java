package org.machi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone with nothing beside it must build and pass: no code, test, build file or CI script may
 * reach into the project workspace's shared folder next to the repository.
 */
class RepositoryStandsAloneTests {

    private static final String OUTSIDE = ".." + "/shared";

    @Test
    void nothingInTheRepositoryReadsTheWorkspaceBesideIt() throws IOException {
        List<Path> roots = Stream.of("src", "pom.xml", ".ci", "bench").map(Path::of).filter(Files::exists).toList();
        assertThat(roots).as("run from the repository's root").contains(Path.of("src"));
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(RepositoryStandsAloneTests::walk)) {
            offenders = files.filter(Files::isRegularFile).filter(RepositoryStandsAloneTests::mentionsOutside)
                    .map(Path::toString).sorted().toList();
        }
        assertThat(offenders).as("files that read %s", OUTSIDE).isEmpty();
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mentionsOutside(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(OUTSIDE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
