package org.machi.alerts.domain;

import java.util.Optional;

/**
 * An alert refused a change; the key names the rule, for a translated message, and the field, when
 * the rule concerns one text (such as {@code description-en}), names that form field.
 */
public class AlertRuleBroken extends RuntimeException {

    private final String messageKey;
    private final String field;

    public AlertRuleBroken(String messageKey) {
        this(messageKey, null);
    }

    public AlertRuleBroken(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
