package org.machi.procedures.forms.values;

import java.util.List;
import java.util.stream.Stream;

/**
 * Why a typed value was refused: a message key of the {@code procedures-values} bundle and its
 * arguments. Every message names the field: its placeholder {0} is the field's label, which the
 * caller gives ({@link #messageArguments}); the arguments here are {1}, {2}, ...
 *
 * @param key       under {@code form.value.}
 * @param arguments what the message quotes besides the label (a limit, the date written correctly)
 * @param part      which input of a field made of several is wrong ({@code "postcode"} or {@code "line"}
 *                  of an address), so the error summary links to it; null for a field of one input
 */
public record Problem(String key, List<Object> arguments, String part) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    static Problem of(String key, Object... arguments) {
        return new Problem(key, List.of(arguments), null);
    }

    Problem in(String inputPart) {
        return new Problem(key, arguments, inputPart);
    }

    /** The arguments for the message source: the field's label first, then this problem's arguments. */
    public Object[] messageArguments(String fieldLabel) {
        return Stream.concat(Stream.of(fieldLabel), arguments.stream()).toArray();
    }
}
