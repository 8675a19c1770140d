package org.machi.procedures.lifeevents;

import java.util.List;
import org.machi.procedures.LifeEvent;

/** The questions asked about one life event and which answers bring which procedure, and why. */
interface LifeEventPolicy {

    LifeEvent event();

    List<Question> questions();

    /** Answers that are each valid but do not fit together. */
    default List<AnswerProblem> check(Answers answers) {
        return List.of();
    }

    void plan(Answers answers, PlanSteps plan);
}
