package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/** A child is born: the birth notification within 14 days, the child allowance within 15 days, daycare if wanted later. */
final class BirthPolicy implements LifeEventPolicy {

    @Override
    public LifeEvent event() {
        return LifeEvent.BIRTH;
    }

    @Override
    public List<Question> questions() {
        return List.of(CommonQuestions.situation("babyDaycare"), CommonQuestions.CARD);
    }

    @Override
    public void plan(Answers answers, PlanSteps plan) {
        plan.add("shussei", "birth.shussei", "birth14Days");
        plan.add("jido-teate", "birth.allowance", "allowanceBirth15Days");
        if (answers.ticked("situation", "babyDaycare")) {
            plan.add("hoikusho", "birth.daycare", "daycare");
        }
        plan.note("birth.insurance");
    }
}
