package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/**
 * A family member died: the おくやみ counter first (it walks the family through the insurance,
 * pension and seal-registration procedures), then the certificates that inheritance and survivors'
 * pension claims ask for, which the catalog relates to it.
 */
final class BereavementPolicy implements LifeEventPolicy {

    @Override
    public LifeEvent event() {
        return LifeEvent.BEREAVEMENT;
    }

    @Override
    public List<Question> questions() {
        return List.of(CommonQuestions.situation("deceasedDog", "belongingsWaste"), CommonQuestions.CARD);
    }

    @Override
    public void plan(Answers answers, PlanSteps plan) {
        plan.note("bereavement.deathNotice");
        plan.add("okuyami", "bereavement.okuyami", "okuyami14Days");
        plan.add("juminhyo", "bereavement.juminhyo", "whenRequired");
        plan.add("kazei-shomei", "bereavement.kazei", "whenRequired");
        if (answers.ticked("situation", "deceasedDog")) {
            plan.add("inu-toroku", "bereavement.dog", "dog30DaysOfChange");
        }
        if (answers.ticked("situation", "belongingsWaste")) {
            plan.add("sodai-gomi", "bereavement.bulkyWaste", "bulkyWaste");
        }
    }
}
