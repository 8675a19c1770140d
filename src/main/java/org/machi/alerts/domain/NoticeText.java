package org.machi.alerts.domain;

/** A notice in one language: a title and the text. */
public record NoticeText(String title, String body) {

    public static final int TITLE_LIMIT = 140;
    public static final int BODY_LIMIT = 4000;
}
