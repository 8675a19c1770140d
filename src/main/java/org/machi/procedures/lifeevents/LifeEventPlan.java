package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/**
 * The procedures that apply to a resident after a life event, in the order to do them, and notes
 * about what happens outside the city's catalog (at the new city, at a funeral company…).
 * The online ones can be done in one sitting ({@link #online()}): the engine starts a bundle from them.
 */
public record LifeEventPlan(LifeEvent event, List<PlannedProcedure> procedures, List<String> noteKeys) {

    public LifeEventPlan {
        procedures = List.copyOf(procedures);
        noteKeys = List.copyOf(noteKeys);
    }

    /** The procedures this resident can do online, in plan order. */
    public List<PlannedProcedure> online() {
        return procedures.stream().filter(PlannedProcedure::online).toList();
    }

    public List<String> slugs() {
        return procedures.stream().map(PlannedProcedure::slug).toList();
    }

    public boolean isEmpty() {
        return procedures.isEmpty() && noteKeys.isEmpty();
    }
}
