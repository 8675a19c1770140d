package org.machi.procedures.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.identity.Assurance;
import org.machi.procedures.Channel;
import org.machi.procedures.Fee;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.ProcedureView;
import org.machi.shared.SiteLanguage;

/** One procedure as the catalog stores it: its facts and its texts in every language. */
public record CatalogEntry(String slug, Department department, Set<LifeEvent> lifeEvents, String reading, List<String> keywords,
                           Fee fee, Integer targetDays, Channel channel, Assurance assurance, List<String> related,
                           Map<SiteLanguage, ProcedureText> texts) {

    /** The texts of a language; the Japanese reference where a language lacks them. */
    public ProcedureText text(SiteLanguage language) {
        return texts.getOrDefault(language, texts.get(SiteLanguage.REFERENCE));
    }

    public ProcedureView view(SiteLanguage language) {
        SiteLanguage shown = texts.containsKey(language) ? language : SiteLanguage.REFERENCE;
        ProcedureText text = texts.get(shown);
        return new ProcedureView(slug, shown, text.title(), text.summary(), text.whoMayApply(), text.proxies(), text.documents(),
                fee, text.feeNote(), targetDays, text.processingNote(), channel, assurance, text.counterOnlyReason(),
                lifeEvents, department.view(language), related);
    }
}
