package org.machi.procedures.lifeevents;

import java.util.List;
import java.util.Optional;
import org.machi.identity.Assurance;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;

/**
 * The connected one-stop questionnaire (コネクテッド・ワンストップ): for a life event, the questions,
 * and for the answers, every procedure of the catalog that applies, in order, with why.
 */
@Service
public class LifeEventPlanner {

    /** The events with a questionnaire, in the order they are offered. */
    static final List<LifeEventPolicy> POLICIES = List.of(new MovingPolicy(), new BirthPolicy(), new ChildcarePolicy(),
            new BereavementPolicy(), new DisasterPolicy());

    private final Procedures procedures;
    private final List<Questionnaire> questionnaires = POLICIES.stream().map(Questionnaire::new).toList();

    LifeEventPlanner(Procedures procedures) {
        this.procedures = procedures;
    }

    public List<Questionnaire> questionnaires() {
        return questionnaires;
    }

    /** The questionnaire an address names ({@code moving}, {@code birth}…); empty for anything else. */
    public Optional<Questionnaire> questionnaire(String slug) {
        return questionnaires.stream().filter(q -> q.slug().equals(slug)).findFirst();
    }

    /**
     * The plan for checked answers. A procedure the city has since taken out of its catalog is left
     * out rather than linked to a page that no longer exists.
     */
    public LifeEventPlan plan(Questionnaire questionnaire, Answers answers) {
        PlanSteps steps = new PlanSteps();
        questionnaire.policy().plan(answers, steps);
        boolean card = CommonQuestions.hasCard(answers);
        List<PlannedProcedure> planned = steps.steps().stream()
                .flatMap(step -> procedures.find(step.slug(), SiteLanguage.REFERENCE).stream()
                        .map(procedure -> new PlannedProcedure(step.slug(), step.why(), step.when(), step.bring(),
                                onlineFor(procedure, card))))
                .toList();
        return new LifeEventPlan(questionnaire.event(), planned, steps.notes());
    }

    private static boolean onlineFor(ProcedureView procedure, boolean card) {
        return procedure.online() && (procedure.assurance() != Assurance.CARD_VERIFIED || card);
    }
}
