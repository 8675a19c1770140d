package org.machi.casework.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.ApplicationWithdrawn;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the procedures module: a submitted application becomes a case of the procedure's
 * department, due at the end of the day (city time) its processing-time target ends; a withdrawn
 * one withdraws its case. Logs name applications and procedures only, never people.
 */
@Component
class CaseOpening {

    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

    private final CaseWork work;
    private final Procedures procedures;
    private final ZoneId cityTime;

    CaseOpening(CaseWork work, Procedures procedures, CityProfile city) {
        this.work = work;
        this.procedures = procedures;
        this.cityTime = city.timeZone();
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        Optional<ProcedureView> procedure = procedures.find(submitted.procedureSlug(), SiteLanguage.JA);
        if (procedure.isEmpty()) {
            // not in the catalog: nobody could handle it; fail so that the event is handed over again once the catalog knows it
            throw new IllegalStateException("application " + submitted.applicationId() + " is for procedure " + submitted.procedureSlug()
                    + ", which the catalog does not know");
        }
        ProcedureView p = procedure.get();
        work.open(submitted.applicationId(), submitted.receiptNumber(), submitted.procedureSlug(), p.department().code(),
                        submitted.channel().name(), submitted.applicant(), submitted.clerk(), submitted.registerNumber(),
                        submitted.submittedAt(), due(submitted.submittedAt(), p.targetDays()))
                .ifPresentOrElse(caseId -> log.info("Case {} opened for application {} ({})", caseId, submitted.applicationId(),
                                submitted.procedureSlug()),
                        () -> log.info("Application {} has its case already", submitted.applicationId()));
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn withdrawn) {
        CaseOutcome outcome = work.withdraw(withdrawn.applicationId(), withdrawn.applicant());
        if (outcome.refusal() == CaseRefusal.NOT_FOUND) {
            // the submission's case is not open yet: fail, and the event is handed over again later
            throw new IllegalStateException("no case yet for withdrawn application " + withdrawn.applicationId());
        }
        if (!outcome.succeeded()) {
            log.warn("Withdrawal of application {} left its case as it is: {}", withdrawn.applicationId(), outcome.refusal());
        }
    }

    /** The end of the day (in city time) the target ends: 0 days means by the end of the day it came in. */
    Instant due(Instant submittedAt, Integer targetDays) {
        if (targetDays == null) {
            return null;
        }
        LocalDate day = submittedAt.atZone(cityTime).toLocalDate().plusDays(targetDays);
        return day.plusDays(1).atStartOfDay(cityTime).toInstant();
    }
}
