package org.machi.casework.counter;

import java.util.Collection;
import java.util.List;
import org.machi.shared.StaffTasks;
import org.springframework.stereotype.Component;

/** For a counter clerk's home page: the sessions they opened and have neither submitted nor closed. */
@Component
class OpenCounterSessions implements StaffTasks {

    private final CounterSessionStore sessions;

    OpenCounterSessions(CounterSessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<Task> waitingFor(String reference, Collection<String> authorities) {
        if (!authorities.contains("SERVE_AT_COUNTER")) {
            return List.of();
        }
        return List.of(new Task("counter.tasks.open", sessions.countOpen(reference), "/counter"));
    }
}
