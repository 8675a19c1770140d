package org.machi.casework.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.machi.identity.Permission;
import org.machi.shared.StaffTasks;
import org.springframework.stereotype.Component;

/** For a case worker's home page: the cases waiting in their department for a clerk, and those given to them. */
@Component
class CasesWaiting implements StaffTasks {

    private final CaseStore store;
    private final Departments departments;

    CasesWaiting(CaseStore store, Departments departments) {
        this.store = store;
        this.departments = departments;
    }

    @Override
    public List<Task> waitingFor(String reference, Collection<String> authorities) {
        if (!authorities.contains(Permission.PROCESS_CASES.authority())) {
            return List.of();
        }
        return departments.of(reference).map(department -> {
            List<Task> tasks = new ArrayList<>();
            tasks.add(new Task("casework.tasks.waiting", store.countWaiting(department), "/staff/cases"));
            tasks.add(new Task("casework.tasks.assigned", store.countAssigned(reference, department), "/staff/cases?assigned=ME"));
            return tasks;
        }).orElse(List.of());
    }
}
