package org.machi.procedures.drafts;

import org.machi.procedures.applying.Draft;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "save and get a link to continue" button of a step page. The step's answers are saved as
 * "continue" saves them when they are complete and valid; otherwise nothing of the page is saved
 * (never half a page) and the link leads back to it. Either way the owner is mailed a link.
 */
@Component
public class SaveForLater {

    /** The value of the step form's button. */
    public static final String ACTION = "save-for-later";

    private final ResumeLinks links;

    SaveForLater(ResumeLinks links) {
        this.links = links;
    }

    /**
     * After the step was read (and saved if it could be): asks for the link and says where the page goes next.
     *
     * @param saved whether the page's answers were saved
     * @param next  the step after this one when saved (null: check your answers)
     */
    public String handle(Draft draft, Step step, boolean saved, Step next, SiteLanguage language, RedirectAttributes redirect) {
        String resumeAt = !saved ? step.id() : next == null ? ResumeLinks.CHECK_ANSWERS : next.id();
        return DraftsController.ask(links, draft.application().applicant(), draft.application().procedure(), draft.application().id(),
                resumeAt, saved, language, redirect);
    }
}
