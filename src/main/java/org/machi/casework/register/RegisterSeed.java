package org.machi.casework.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.machi.shared.OncePerDeployment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The first start of a deployment imports the register extract {@code machi.casework.register.seed}
 * names, when it names one and no extract was imported yet: the embedded default ships a synthetic
 * register of about 2,000 fictional households ({@code casework/register/synthetic-register.csv});
 * the postgres profile names none, as production imports the city's own extract. A seed the
 * import refuses stops the start, with the problems' lines.
 */
@Component
class RegisterSeed implements ApplicationRunner {

    private final RegisterImports imports;
    private final OncePerDeployment once;
    private final ResourceLoader resources;
    private final String seed;

    RegisterSeed(RegisterImports imports, OncePerDeployment once, ResourceLoader resources,
                 @Value("${machi.casework.register.seed:}") String seed) {
        this.imports = imports;
        this.once = once;
        this.resources = resources;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seed.isBlank()) {
            return;
        }
        once.run("casework.register-seed", () -> {
            if (imports.current().isPresent()) {
                return;
            }
            Resource file = resources.getResource(seed.strip());
            try (InputStream in = file.getInputStream()) {
                if (imports.importCsv(in, "system") instanceof ImportResult.Refused refused) {
                    throw new IllegalStateException("machi.casework.register.seed (" + seed + ") was refused: " + refused.problemCount()
                            + " problems, the first " + refused.problems().stream().limit(5)
                            .map(p -> "line " + p.line() + " " + p.key() + " " + p.args()).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("machi.casework.register.seed: cannot read " + seed, e);
            }
        });
    }
}
