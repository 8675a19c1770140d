package org.machi.procedures.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.machi.procedures.LifeEvent;
import org.machi.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start the catalog is filled from {@value CatalogFile#RESOURCE}, the city's procedures
 * in every language, all in one transaction. Afterwards the database is the catalog. When two nodes
 * start together, the one that loses the race finds the rows of the other and carries on.
 * Departments are the city profile's: the catalog keeps the code of each procedure's department
 * ({@code procedures.department} holds the profile's codes for the procedures to refer to; its texts
 * table, from the time the catalog had its own departments, is no longer read). A start whose profile
 * lacks a department the catalog names stops with a message naming it.
 */
// before the procedures' forms, which belong to catalog entries
@Order(Ordered.LOWEST_PRECEDENCE - 10)
@Component
class CatalogSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    private final Catalog catalog;
    private final CityProfile city;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final tools.jackson.databind.json.JsonMapper json;

    CatalogSeed(Catalog catalog, CityProfile city, JdbcClient jdbc, TransactionTemplate transactions,
                tools.jackson.databind.json.JsonMapper json) {
        this.catalog = catalog;
        this.city = city;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!catalog.isEmpty()) {
            List<String> missing = catalog.departmentsMissingFromProfile();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The procedures catalog names departments that the city profile "
                        + "(machi.city.departments) does not have: " + missing);
            }
            return;
        }
        CatalogFile file = read();
        Set<String> departments = city.departments().stream().map(CityProfile.Department::code).collect(Collectors.toSet());
        List<String> problems = file.problems(departments);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The procedures catalog " + CatalogFile.RESOURCE + " is incomplete: " + problems);
        }
        if (fill(file)) {
            log.info("Procedures catalog filled with {} procedures", file.procedures().size());
        } else {
            log.info("Procedures catalog was filled by another node");
        }
    }

    /** Loads the whole file in one transaction; false (and nothing written) when another node got there first. */
    boolean fill(CatalogFile file) {
        try {
            transactions.executeWithoutResult(status -> insert(file));
            catalog.forget();
            return true;
        } catch (DuplicateKeyException anotherNodeSeeded) {
            return false;
        }
    }

    CatalogFile read() {
        try (InputStream in = new ClassPathResource(CatalogFile.RESOURCE).getInputStream()) {
            return json.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CatalogFile.RESOURCE, e);
        }
    }

    private void insert(CatalogFile file) {
        int position = 0;
        for (CityProfile.Department department : city.departments()) {
            jdbc.sql("INSERT INTO procedures.department (code, position, phone) VALUES (?, ?, ?)")
                    .params(department.code(), position++, department.phone()).update();
        }
        position = 0;
        for (CatalogFile.ProcedureSeed procedure : file.procedures()) {
            jdbc.sql("""
                    INSERT INTO procedures.procedure (slug, position, department_code, reading, keywords, fee_kind, fee_yen,
                                                      target_days, channel, assurance)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(procedure.slug(), position++, procedure.department(), procedure.reading(),
                            String.join("\n", procedure.keywords()), procedure.feeKind().name(), procedure.feeYen(),
                            procedure.targetDays(), procedure.channel().name(),
                            procedure.assurance() == null ? null : procedure.assurance().name())
                    .update();
            for (LifeEvent event : procedure.lifeEvents()) {
                jdbc.sql("INSERT INTO procedures.procedure_life_event (slug, life_event) VALUES (?, ?)")
                        .params(procedure.slug(), event.name()).update();
            }
            procedure.texts().forEach((language, text) -> jdbc.sql("""
                            INSERT INTO procedures.procedure_text (slug, language, title, summary, who_may_apply, proxies, documents,
                                                                   fee_note, processing_note, counter_only_reason)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(procedure.slug(), language, text.title(), text.summary(), text.whoMayApply(), text.proxies(),
                            String.join("\n", text.documents()), text.feeNote(), text.processingNote(), text.counterOnlyReason())
                    .update());
        }
        // related procedures may come later in the file, so they follow once every procedure is there
        for (CatalogFile.ProcedureSeed procedure : file.procedures()) {
            List<String> related = procedure.related() == null ? List.of() : procedure.related();
            for (int i = 0; i < related.size(); i++) {
                jdbc.sql("INSERT INTO procedures.procedure_related (slug, position, related_slug) VALUES (?, ?, ?)")
                        .params(procedure.slug(), i, related.get(i)).update();
            }
        }
    }
}
