package org.machi.procedures.forms;

/** What a field asks for; {@link #GROUP} repeats its child fields ("add another"). */
public enum FieldType {
    TEXT, TEXTAREA, KANA, NUMBER, YEN, DATE, CHOICE, CHECKBOXES, ADDRESS, PHONE, EMAIL, FILE, GROUP;

    /** Types whose answer is picked from the field's options. */
    public boolean hasOptions() {
        return this == CHOICE || this == CHECKBOXES;
    }

    /** Types with a length limit, and the limit when the form gives none. */
    public Integer defaultMaxLength() {
        return switch (this) {
            case TEXT -> 100;
            case TEXTAREA -> 1000;
            case KANA -> 50;
            default -> null;
        };
    }

    public boolean hasRange() {
        return this == NUMBER || this == YEN;
    }
}
