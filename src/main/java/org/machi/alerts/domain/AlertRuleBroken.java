package org.machi.alerts.domain;

/** An alert refused a change; the key names the rule, for a translated message. */
public class AlertRuleBroken extends RuntimeException {

    private final String messageKey;

    public AlertRuleBroken(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
