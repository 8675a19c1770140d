package org.machi.casework.counter;

import org.springframework.http.HttpStatus;

/**
 * A counter request refused as a whole (no such session, another clerk's session): the page says
 * why with a translated message and nothing changes.
 */
class CounterRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;

    CounterRefusal(HttpStatus status, String messageKey) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    static CounterRefusal noSuchSession() {
        return new CounterRefusal(HttpStatus.NOT_FOUND, "counter.refused.noSuchSession");
    }

    static CounterRefusal otherClerk() {
        return new CounterRefusal(HttpStatus.FORBIDDEN, "counter.refused.otherClerk");
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }
}
