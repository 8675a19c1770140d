package org.machi.procedures.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machi.identity.Assurance;
import org.machi.procedures.Channel;
import org.machi.procedures.Fee;
import org.machi.procedures.LifeEvent;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog as the database holds it, with the departments that handle its procedures as the
 * city profile describes them (the catalog stores only their codes). It is read whole (a city has a
 * few hundred procedures at most) and kept for a few seconds: every step of every application looks
 * its procedure up, and reading the catalog again each time was a third of a busy node's time
 * (bench/procedures-submit). It changes only when it is first filled; another node sees a change
 * within {@link #KEPT_FOR}.
 */
@Component
public class Catalog {

    static final Duration KEPT_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final CityProfile city;
    /** The profile's departments by code, in its order. */
    private final Map<String, Department> departments = new LinkedHashMap<>();
    private volatile Snapshot snapshot;

    private record Snapshot(List<Department> departments, List<CatalogEntry> entries, long readAt) {

        boolean fresh() {
            return !entries.isEmpty() && System.nanoTime() - readAt < KEPT_FOR.toNanos();
        }
    }

    Catalog(JdbcClient jdbc, CityProfile city) {
        this.jdbc = jdbc;
        this.city = city;
        city.departments().forEach(d -> departments.put(d.code(), Department.of(d)));
    }

    /** The departments that handle at least one procedure, in the city profile's order. */
    public List<Department> departments() {
        return current().departments();
    }

    public List<CatalogEntry> entries() {
        return current().entries();
    }

    /** After the catalog was filled here: the next read goes to the database. */
    void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known == null || !known.fresh()) {
            List<CatalogEntry> entries = readEntries();
            Set<String> used = new HashSet<>();
            entries.forEach(entry -> used.add(entry.department().code()));
            known = new Snapshot(departments.values().stream().filter(d -> used.contains(d.code())).toList(), entries,
                    System.nanoTime());
            snapshot = known;
        }
        return known;
    }

    private List<CatalogEntry> readEntries() {
        Map<String, Set<LifeEvent>> events = new LinkedHashMap<>();
        jdbc.sql("SELECT slug, life_event FROM procedures.procedure_life_event").query(rs -> {
            String slug = rs.getString("slug");
            LifeEvent.of(rs.getString("life_event")).ifPresent(event ->
                    events.computeIfAbsent(slug, s -> EnumSet.noneOf(LifeEvent.class)).add(event));
        });
        Map<String, List<String>> related = new LinkedHashMap<>();
        jdbc.sql("SELECT slug, related_slug FROM procedures.procedure_related ORDER BY slug, position").query(rs -> {
            related.computeIfAbsent(rs.getString("slug"), s -> new ArrayList<>()).add(rs.getString("related_slug"));
        });
        Map<String, Map<SiteLanguage, ProcedureText>> texts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT slug, language, title, summary, who_may_apply, proxies, documents, fee_note, processing_note,
                       counter_only_reason FROM procedures.procedure_text""").query(rs -> {
            String slug = rs.getString("slug");
            ProcedureText text = new ProcedureText(rs.getString("title"), rs.getString("summary"), rs.getString("who_may_apply"),
                    rs.getString("proxies"), List.of(rs.getString("documents").split("\n")), rs.getString("fee_note"),
                    rs.getString("processing_note"), rs.getString("counter_only_reason"));
            SiteLanguage.fromCode(rs.getString("language")).ifPresent(language ->
                    texts.computeIfAbsent(slug, s -> new EnumMap<>(SiteLanguage.class)).put(language, text));
        });
        return jdbc.sql("""
                SELECT slug, department_code, reading, keywords, fee_kind, fee_yen, target_days, channel, assurance
                FROM procedures.procedure ORDER BY position""").query((rs, n) -> {
            String slug = rs.getString("slug");
            String assurance = rs.getString("assurance");
            Department department = departments.get(rs.getString("department_code"));
            if (department == null) {
                throw new IllegalStateException("procedure " + slug + " names department " + rs.getString("department_code")
                        + ", which the city profile (machi.city.departments) does not have");
            }
            return new CatalogEntry(slug, department,
                    events.getOrDefault(slug, Set.of()), rs.getString("reading"),
                    List.of(rs.getString("keywords").split("\n")),
                    new Fee(Fee.Kind.valueOf(rs.getString("fee_kind")), (Integer) rs.getObject("fee_yen")),
                    (Integer) rs.getObject("target_days"), Channel.valueOf(rs.getString("channel")),
                    assurance == null ? null : Assurance.valueOf(assurance), related.getOrDefault(slug, List.of()),
                    texts.getOrDefault(slug, Map.of()));
        }).list();
    }

    public Optional<CatalogEntry> entry(String slug) {
        return entries().stream().filter(entry -> entry.slug().equals(slug)).findFirst();
    }

    /** The department codes the catalog's procedures name that the city profile does not have; empty when all are there. */
    List<String> departmentsMissingFromProfile() {
        return jdbc.sql("SELECT DISTINCT department_code FROM procedures.procedure ORDER BY department_code").query(String.class).list()
                .stream().filter(code -> city.department(code).isEmpty()).toList();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM procedures.procedure").query(Integer.class).single() == 0;
    }
}
