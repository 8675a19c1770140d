package org.machi.procedures.web;

import java.util.List;
import java.util.Optional;
import org.machi.procedures.DepartmentView;
import org.machi.procedures.LifeEvent;

/**
 * What the catalog page reads from its address: words (at most {@value #WORDS_LIMIT} characters,
 * control characters taken out), a life event and a department. Anything it cannot use is left out
 * with a problem to show, so a bad address still shows the catalog.
 */
record CatalogQuery(String words, LifeEvent event, String department) {

    static final int WORDS_LIMIT = 100;

    static CatalogQuery read(String q, String event, String department, List<DepartmentView> departments, List<SearchProblem> problems) {
        String words = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        if (words.length() > WORDS_LIMIT) {
            problems.add(new SearchProblem("q", "procedures.search.tooLong", WORDS_LIMIT));
            words = "";
        }
        LifeEvent chosen = null;
        if (event != null && !event.isBlank()) {
            Optional<LifeEvent> known = LifeEvent.of(event);
            if (known.isEmpty()) {
                problems.add(new SearchProblem("event", "procedures.search.unknownEvent"));
            }
            chosen = known.orElse(null);
        }
        String known = null;
        if (department != null && !department.isBlank()) {
            known = departments.stream().map(DepartmentView::code).filter(department.strip()::equals).findFirst().orElse(null);
            if (known == null) {
                problems.add(new SearchProblem("department", "procedures.search.unknownDepartment"));
            }
        }
        return new CatalogQuery(words, chosen, known);
    }

    boolean filtered() {
        return !words.isEmpty() || event != null || department != null;
    }
}
