package org.machi.casework.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's work queue: its cases with filters, sorted by due date (cases without a target
 * last), then by when they came in. Only the department's own clerks see it.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueue {

    private final CaseStore store;
    private final Departments departments;
    private final Clock clock;

    CaseQueue(CaseStore store, Departments departments, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.clock = clock;
    }

    /**
     * One page of the queue.
     *
     * @throws CaseRefused with {@code NO_DEPARTMENT} for staff without a department, {@code OTHER_DEPARTMENT}
     *                     when the query names another department than the clerk's
     */
    public QueuePage page(QueueQuery q, String clerk) {
        departments.requireMember(clerk, q.department());
        Instant now = clock.instant();
        return new QueuePage(store.page(q, clerk, now), store.count(q, clerk, now), q.page());
    }

    /** The department code whose queue the clerk sees; empty for staff without a department (they see no queue). */
    public Optional<String> departmentOf(String clerk) {
        return departments.of(clerk);
    }
}
