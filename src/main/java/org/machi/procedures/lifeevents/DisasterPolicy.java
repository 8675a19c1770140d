package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/** A home damaged by a natural disaster: the damage certificate (罹災証明書); after a fire the fire department issues it. */
final class DisasterPolicy implements LifeEventPolicy {

    private static final Question DAMAGE = Question.choice("damage", "natural", "fire");

    @Override
    public LifeEvent event() {
        return LifeEvent.DISASTER;
    }

    @Override
    public List<Question> questions() {
        return List.of(DAMAGE, CommonQuestions.situation("disasterWaste"), CommonQuestions.CARD);
    }

    @Override
    public void plan(Answers answers, PlanSteps plan) {
        if (answers.chose(DAMAGE.id(), "natural")) {
            plan.add("risai", "disaster.risai", "risai");
        } else {
            plan.note("disaster.fire");
        }
        if (answers.ticked("situation", "disasterWaste")) {
            plan.add("sodai-gomi", "disaster.bulkyWaste", "bulkyWaste");
        }
    }
}
