package org.machi.procedures;

import java.util.List;
import java.util.Set;
import org.machi.identity.Assurance;
import org.machi.shared.SiteLanguage;

/**
 * One procedure of the catalog in one language.
 *
 * @param targetDays       processing-time target in days (0: on the spot); null where it depends on a schedule (the note says)
 * @param assurance        what an online application needs of the applicant's account; null for a counter-only procedure
 * @param counterOnlyReason why it cannot be done online; null for an online procedure
 * @param documents        what to bring or attach, one item each
 * @param related          slugs of procedures that usually go with this one (a bundle such as おくやみ lists them)
 */
public record ProcedureView(String slug, SiteLanguage language, String title, String summary, String whoMayApply,
                            String proxies, List<String> documents, Fee fee, String feeNote, Integer targetDays,
                            String processingNote, Channel channel, Assurance assurance, String counterOnlyReason,
                            Set<LifeEvent> lifeEvents, DepartmentView department, List<String> related) {

    public boolean online() {
        return channel == Channel.ONLINE;
    }
}
