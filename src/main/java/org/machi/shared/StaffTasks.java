package org.machi.shared;

import java.util.Collection;
import java.util.List;

/** Work that waits for a staff member, for the staff home page; modules with such work implement it. */
public interface StaffTasks {

    /** What waits for this account, given the authorities it holds; a message key taking the count, and the page. */
    record Task(String messageKey, long count, String path) {
    }

    List<Task> waitingFor(String reference, Collection<String> authorities);
}
