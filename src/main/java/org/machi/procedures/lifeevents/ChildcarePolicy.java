package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/** Raising children: the child allowance if not received yet, daycare for a child before primary school. */
final class ChildcarePolicy implements LifeEventPolicy {

    private static final Question ALLOWANCE = Question.choice("allowance", "yes", "no");

    @Override
    public LifeEvent event() {
        return LifeEvent.CHILDCARE;
    }

    @Override
    public List<Question> questions() {
        return List.of(CommonQuestions.children("lifeEvents.q.children.childcare"), ALLOWANCE,
                CommonQuestions.situation("daycare"), CommonQuestions.CARD);
    }

    @Override
    public List<AnswerProblem> check(Answers answers) {
        return CommonQuestions.daycareNeedsAChild(answers);
    }

    @Override
    public void plan(Answers answers, PlanSteps plan) {
        if (CommonQuestions.children(answers) > 0 && answers.chose(ALLOWANCE.id(), "no")) {
            plan.add("jido-teate", "childcare.allowance", "asSoonAsPossible");
        }
        if (answers.ticked("situation", "daycare")) {
            CommonQuestions.daycare(answers, plan);
        }
    }
}
