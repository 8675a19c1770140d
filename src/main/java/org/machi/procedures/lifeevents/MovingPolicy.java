package org.machi.procedures.lifeevents;

import static org.machi.procedures.lifeevents.CommonQuestions.CARD;
import static org.machi.procedures.lifeevents.CommonQuestions.SCHOOL_AGE;

import java.util.List;
import org.machi.procedures.LifeEvent;

/**
 * Moving into Atsugi (転入), within it (転居) or out of it (転出). Deadlines follow the law: the
 * resident registration within 14 days of moving in (住民基本台帳法), the child allowance within 15
 * days of the move-out date so that no month is lost (the 15-day rule of 児童手当), the care
 * certification carried over when its certificate (受給資格証明書) is handed in within 14 days, and a
 * dog's new address within 30 days (狂犬病予防法施行規則).
 */
final class MovingPolicy implements LifeEventPolicy {

    private static final Question DIRECTION = Question.choice("direction", "into", "within", "out");
    private static final Question CARE = Question.choice("care", "certified", "needed", "none");
    private static final String SITUATION = "situation";

    @Override
    public LifeEvent event() {
        return LifeEvent.MOVING;
    }

    @Override
    public List<Question> questions() {
        return List.of(DIRECTION, CommonQuestions.children("lifeEvents.q.children.moving"), CARE,
                CommonQuestions.situation("daycare", "dog", "bulkyWaste"), CARD);
    }

    @Override
    public List<AnswerProblem> check(Answers answers) {
        return CommonQuestions.daycareNeedsAChild(answers);
    }

    @Override
    public void plan(Answers answers, PlanSteps plan) {
        if (answers.chose(DIRECTION.id(), "into")) {
            movingIn(answers, plan);
        } else if (answers.chose(DIRECTION.id(), "within")) {
            movingWithin(answers, plan);
        } else {
            movingOut(answers, plan);
        }
    }

    private void movingIn(Answers answers, PlanSteps plan) {
        boolean card = CommonQuestions.hasCard(answers);
        if (card) {
            plan.add("tennyu-yoyaku", "movingIn.tennyuYoyaku", "beforeMoving");
            plan.add("tennyu", "movingIn.tennyu", "within14DaysOfMovingIn");
        } else {
            plan.add("tennyu", "movingIn.tennyu", "within14DaysOfMovingIn", "transferCertificate");
        }
        if (CommonQuestions.children(answers) > 0) {
            plan.add("jido-teate", "movingIn.allowance", "allowance15Days");
        }
        if (answers.ticked(SITUATION, "daycare")) {
            CommonQuestions.daycare(answers, plan, "newAddressProof");
        }
        if (answers.chose(CARE.id(), "certified")) {
            plan.add("kaigo-nintei", "movingIn.careTransfer", "careTransfer14Days", "careCertificate");
        } else if (answers.chose(CARE.id(), "needed")) {
            plan.add("kaigo-nintei", "careNeeded", "whenNeeded");
        }
        if (answers.ticked(SITUATION, "dog")) {
            plan.add("inu-toroku", "movingIn.dog", "dog30Days", "oldDogTag");
        }
        if (answers.ticked(SITUATION, "bulkyWaste")) {
            plan.add("sodai-gomi", "moved.bulkyWaste", "bulkyWaste");
        }
        if (answers.count(SCHOOL_AGE) > 0) {
            plan.note("school");
        }
    }

    private void movingWithin(Answers answers, PlanSteps plan) {
        // 転居届 is a counter procedure the catalog does not hold yet: the resident still has to know it comes first
        plan.note("movingWithin.tenkyo");
        if (answers.ticked(SITUATION, "daycare")) {
            CommonQuestions.daycare(answers, plan);
        }
        if (answers.chose(CARE.id(), "certified")) {
            plan.note("movingWithin.care");
        } else if (answers.chose(CARE.id(), "needed")) {
            plan.add("kaigo-nintei", "careNeeded", "whenNeeded");
        }
        if (answers.ticked(SITUATION, "dog")) {
            plan.add("inu-toroku", "movingWithin.dog", "dog30Days");
        }
        if (answers.ticked(SITUATION, "bulkyWaste")) {
            plan.add("sodai-gomi", "moved.bulkyWaste", "bulkyWaste");
        }
        if (answers.count(SCHOOL_AGE) > 0) {
            plan.note("school");
        }
    }

    private void movingOut(Answers answers, PlanSteps plan) {
        // collection dates are booked ahead and must fall before the move, so this is arranged first
        if (answers.ticked(SITUATION, "bulkyWaste")) {
            plan.add("sodai-gomi", "movingOut.bulkyWaste", "bulkyWasteBeforeMoving");
        }
        plan.add("tenshutsu", "movingOut.tenshutsu", "tenshutsu");
        plan.note("movingOut.newCity");
        if (CommonQuestions.children(answers) > 0) {
            plan.note("movingOut.allowance");
        }
        if (answers.ticked(SITUATION, "daycare")) {
            plan.note("movingOut.daycare");
        }
        if (answers.chose(CARE.id(), "certified")) {
            plan.note("movingOut.care");
        } else if (answers.chose(CARE.id(), "needed")) {
            plan.note("movingOut.careNeeded");
        }
        if (answers.ticked(SITUATION, "dog")) {
            plan.note("movingOut.dog");
        }
    }
}
