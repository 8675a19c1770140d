package org.machi.alerts.domain;

/** An alert in one language: what happened, and what to do. The instruction may be empty. */
public record AlertText(String headline, String description, String instruction) {

    static final int HEADLINE_LIMIT = 140;
    static final int TEXT_LIMIT = 4000;
}
