package org.machi.audit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@MachiWebTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AuditCommandsTests {

    @Autowired
    AuditCommands commands;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void verifyReportsTheFirstBrokenEntryAndExitsNonZero(CapturedOutput output) throws Exception {
        var entry = trail.record(AuditRecord.of("system", "test.command"));
        commands.run(new DefaultApplicationArguments("audit-verify"));
        assertThat(commands.getExitCode()).isZero();
        assertThat(output.getOut()).contains("Audit trail intact");

        jdbc.sql("UPDATE audit.entry SET action = 'changed' WHERE seq = :seq").param("seq", entry.seq()).update();
        commands.run(new DefaultApplicationArguments("audit-verify"));
        assertThat(commands.getExitCode()).isEqualTo(3);
        assertThat(output.getOut()).contains("Audit trail BROKEN at entry " + entry.seq() + ": entry was altered");
    }

    @Test
    void exportWritesJsonLinesToAFile(@TempDir Path dir) throws Exception {
        var entry = trail.record(AuditRecord.of("system", "test.export"));
        Path file = dir.resolve("audit.jsonl");
        commands.run(new DefaultApplicationArguments("audit-export", file.toString()));
        assertThat(Files.readAllLines(file)).last().asString().contains("\"seq\":" + entry.seq()).contains("test.export");
    }
}
