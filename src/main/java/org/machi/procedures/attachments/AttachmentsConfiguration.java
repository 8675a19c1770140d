package org.machi.procedures.attachments;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.machi.shared.DataProtection;
import org.machi.shared.SharedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachments with their content in {@code <data-dir>/files}, scanned by clamd when one is configured. */
@Configuration(proxyBeanMethods = false)
class AttachmentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentsConfiguration.class);

    @Bean
    FileStore attachmentFileStore(SharedProperties shared) {
        return new DirectoryFileStore(shared.dataDir().resolve("files"));
    }

    @Bean
    VirusScanner attachmentVirusScanner(AttachmentsProperties properties) {
        AttachmentsProperties.Clamd clamd = properties.clamd();
        if (!clamd.configured()) {
            log.info("Uploaded files are not scanned for viruses: machi.procedures.attachments.clamd.host is not set");
            return VirusScanner.NONE;
        }
        return new ClamdScanner(clamd.host().strip(), clamd.port(), clamd.timeout());
    }

    @Bean
    Attachments attachments(JdbcClient jdbc, FileStore store, VirusScanner scanner, DataProtection protection, Clock clock,
                            AttachmentsProperties properties) {
        return new Attachments(new AttachmentRecords(jdbc), store, scanner, protection, clock, properties);
    }

    @Bean
    Task<Void> removeUnattachedFiles(Attachments attachments) {
        return Tasks.recurring("procedures-remove-unattached-files", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> attachments.removeUnattached());
    }
}
