package org.machi.shared.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machi.MachiApplication;
import org.machi.shared.Installation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps its data under the data directory: stop, start again, and it is all there. */
class RestartKeepsDataTests {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartFindsTheFirstStartsData() {
        Installation first;
        try (ConfigurableApplicationContext app = start()) {
            first = app.getBean(Installations.class).current();
        }
        assertThat(dataDir.resolve("machi.mv.db")).exists();

        try (ConfigurableApplicationContext app = start()) {
            Installation second = app.getBean(Installations.class).current();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.firstStartedAt()).isEqualTo(first.firstStartedAt());
            assertThat(second.starts()).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MachiApplication.class)
                .run("--machi.data-dir=" + dataDir.toAbsolutePath(), "--spring.main.banner-mode=off", "--server.port=-1",
                        "--management.server.port=-1");
    }
}
