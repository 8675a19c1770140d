package org.machi.procedures.lifeevents;

import java.util.List;

/**
 * One procedure of a plan, in the order to do it.
 *
 * @param slug            a procedure of the catalog
 * @param whyMessageKey   why it applies to this resident ("you are moving in with a child under 3, so …")
 * @param whenMessageKey  by when it is done (a deadline such as "within 14 days of moving in")
 * @param bringMessageKeys what to bring beyond the documents the catalog lists for the procedure
 * @param online          whether this resident can do it online: the procedure is offered online and,
 *                        where it needs sign-in with the My Number Card, the resident said they have one
 */
public record PlannedProcedure(String slug, String whyMessageKey, String whenMessageKey, List<String> bringMessageKeys,
                               boolean online) {

    public PlannedProcedure {
        bringMessageKeys = List.copyOf(bringMessageKeys);
    }
}
