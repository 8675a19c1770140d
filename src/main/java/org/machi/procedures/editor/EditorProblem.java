package org.machi.procedures.editor;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Something to fix in the editor: the id of the input it concerns (the error summary links there),
 * the message key and its arguments (a {@link MessageSourceResolvable} argument is translated too).
 */
public record EditorProblem(String field, String key, Object[] args) {

    /** The input id an input name stands for on the page. */
    static String inputId(String name) {
        return name.replace('.', '-');
    }

    static EditorProblem at(String name, String key, Object... args) {
        return new EditorProblem(inputId(name), key, args);
    }

    static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    /** "where" + "which part of it", e.g. the label of field 2 of step 1. */
    static MessageSourceResolvable part(MessageSourceResolvable where, String partKey, Object... args) {
        return message("editor.where.part", where, message(partKey, args));
    }
}
