package org.machi.procedures.applying;

import org.machi.procedures.forms.FormDefinition;

/** A resident's draft with the rules of the form version it was started on. */
public record Draft(StoredApplication application, FormRules rules) {

    public FormDefinition form() {
        return rules.form();
    }

    public Answers answers() {
        return application.answers();
    }
}
