package org.machi.procedures.lifeevents;

/** Questions several life events ask, and the daycare rule they share. */
final class CommonQuestions {

    /** Sign-in with the card is what most online procedures need (CARD_VERIFIED). */
    static final Question CARD = Question.choice("card", "yes", "no").withHint();

    static final String UNDER_3 = "under3";
    static final String PRESCHOOL = "preschool";
    static final String SCHOOL_AGE = "schoolAge";

    static Question children(String legendKey) {
        return Question.counts("children", legendKey, UNDER_3, PRESCHOOL, SCHOOL_AGE);
    }

    static Question situation(String... options) {
        return Question.flags("situation", options);
    }

    static boolean hasCard(Answers answers) {
        return answers.chose(CARD.id(), "yes");
    }

    static int children(Answers answers) {
        return answers.count(UNDER_3) + answers.count(PRESCHOOL) + answers.count(SCHOOL_AGE);
    }

    static int underSchoolAge(Answers answers) {
        return answers.count(UNDER_3) + answers.count(PRESCHOOL);
    }

    /** Daycare (保育所等) is for children before primary school; under 3 and 3 to 5 differ in the fee, so in the why. */
    static void daycare(Answers answers, PlanSteps plan, String... bring) {
        plan.add("hoikusho", answers.count(UNDER_3) > 0 ? "daycare.under3" : "daycare.preschool", "daycare", bring);
    }

    /** Ticking daycare with no child under school age is a slip: say so at the children's numbers. */
    static java.util.List<AnswerProblem> daycareNeedsAChild(Answers answers) {
        return answers.ticked("situation", "daycare") && underSchoolAge(answers) == 0
                ? java.util.List.of(new AnswerProblem(UNDER_3, "lifeEvents.problem.daycareWithoutChild"))
                : java.util.List.of();
    }

    private CommonQuestions() {
    }
}
