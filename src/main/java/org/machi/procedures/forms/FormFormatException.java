package org.machi.procedures.forms;

/** A form definition's JSON that cannot be read as one, with where (a JSON path) and what is wrong. */
public class FormFormatException extends RuntimeException {

    public FormFormatException(String message) {
        super(message);
    }

    public FormFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
