package org.machi.procedures;

import java.util.List;
import java.util.Optional;
import org.machi.procedures.catalog.Catalog;
import org.machi.procedures.catalog.CatalogSearch;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;

/** The procedures module's face to other modules (the counter, casework): the catalog, read only. */
@Service
public class Procedures {

    private final Catalog catalog;

    Procedures(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every procedure in catalog order, in the given language. */
    public List<ProcedureView> all(SiteLanguage language) {
        return catalog.entries().stream().map(entry -> entry.view(language)).toList();
    }

    public Optional<ProcedureView> find(String slug, SiteLanguage language) {
        return catalog.entry(slug).map(entry -> entry.view(language));
    }

    /** Procedures whose title, reading or keywords hold every word of the query (see {@link CatalogSearch}). */
    public List<ProcedureView> search(String query, SiteLanguage language) {
        CatalogSearch search = CatalogSearch.of(query);
        return catalog.entries().stream().filter(entry -> search.matches(entry, language))
                .map(entry -> entry.view(language)).toList();
    }

    /** The procedures of one life event, in catalog order. */
    public List<ProcedureView> forLifeEvent(LifeEvent event, SiteLanguage language) {
        return catalog.entries().stream().filter(entry -> entry.lifeEvents().contains(event))
                .map(entry -> entry.view(language)).toList();
    }

    /** The departments that handle procedures, in catalog order. */
    public List<DepartmentView> departments(SiteLanguage language) {
        return catalog.departments().stream().map(d -> d.view(language)).toList();
    }
}
