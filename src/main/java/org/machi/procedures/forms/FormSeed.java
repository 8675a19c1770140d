package org.machi.procedures.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.procedures.Channel;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.catalog.Catalog;
import org.machi.procedures.catalog.CatalogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At start, each form file ({@code <slug>.json} in {@link ProceduresProperties#forms()}) of a
 * procedure that has no form yet becomes version 1, published. A later start changes nothing
 * (staff edit forms in the editor from then on). A file that cannot be read, is of no online
 * procedure of the catalog or has problems stops the start, naming the file and the problems.
 * Runs after the catalog is seeded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FormSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormSeed.class);

    private final ProceduresProperties properties;
    private final Catalog catalog;
    private final FormVersions versions;
    private final Clock clock;

    FormSeed(ProceduresProperties properties, Catalog catalog, FormVersions versions, Clock clock) {
        this.properties = properties;
        this.catalog = catalog;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> files = files();
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        files.forEach((name, json) -> {
            try {
                FormDefinition form = FormJson.read(json);
                List<String> found = new ArrayList<>(form.problems());
                if (!name.equals(form.procedure() + ".json")) {
                    found.add("the file is named " + name + " but is the form of " + form.procedure());
                }
                if (catalog.entry(form.procedure()).map(CatalogEntry::channel).filter(c -> c == Channel.ONLINE).isEmpty()) {
                    found.add(form.procedure() + " is not an online procedure of the catalog");
                }
                found.forEach(problem -> problems.add(name + ": " + problem));
                forms.put(json, form);
            } catch (FormFormatException e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The procedure forms in " + properties.forms() + " have problems: " + problems);
        }
        int seeded = 0;
        for (Map.Entry<String, FormDefinition> form : forms.entrySet()) {
            try {
                if (versions.seed(form.getValue(), form.getKey(), clock.instant())) {
                    seeded++;
                }
            } catch (DuplicateKeyException anotherNodeSeeded) {
                // the other node's version 1 is the same file
            }
        }
        if (seeded > 0) {
            log.info("Procedure forms seeded: {} of {} files", seeded, forms.size());
        }
    }

    private Map<String, String> files() {
        String location = properties.forms().endsWith("/") ? properties.forms() : properties.forms() + "/";
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "*.json");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.FileNotFoundException noDirectory) {
            log.info("No procedure forms at {}", location);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the procedure forms at " + location, e);
        }
        return files;
    }
}
