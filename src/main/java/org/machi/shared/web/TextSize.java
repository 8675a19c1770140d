package org.machi.shared.web;

import java.util.Arrays;
import java.util.Optional;

/** The text sizes a reader can choose; each scales the root font size that every rem depends on. */
public enum TextSize {

    STANDARD("standard", "text-standard"),
    LARGE("large", "text-large"),
    LARGEST("largest", "text-largest");

    private final String code;
    private final String cssClass;

    TextSize(String code, String cssClass) {
        this.code = code;
        this.cssClass = cssClass;
    }

    public String code() {
        return code;
    }

    public String cssClass() {
        return cssClass;
    }

    static Optional<TextSize> fromCode(String code) {
        return Arrays.stream(values()).filter(size -> size.code.equals(code)).findFirst();
    }
}
