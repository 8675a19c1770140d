package org.machi.audit.command;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.machi.audit.AuditTrail;
import org.machi.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Operators' commands on the audit trail, run instead of the web application:
 * {@code java -jar machi.jar audit-verify} (exit code 0 when intact, 3 when broken) and
 * {@code java -jar machi.jar audit-export FILE} (JSON lines; {@code -} for standard output).
 */
@Component
class AuditCommands implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail trail;
    private int exitCode;

    AuditCommands(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            return;
        }
        switch (words.get(0)) {
            case "audit-verify" -> verify();
            case "audit-export" -> export(words.size() > 1 ? words.get(1) : "-");
            default -> { }
        }
    }

    private void verify() {
        ChainVerification result = trail.verify();
        exitCode = result.intact() ? 0 : 3;
        if (result.intact()) {
            System.out.printf("Audit trail intact: %d entries checked.%n", result.entriesChecked());
        } else {
            System.out.printf("Audit trail BROKEN at entry %d: %s (%d entries checked).%n",
                    result.firstBrokenSeq(), result.problem().description(), result.entriesChecked());
        }
    }

    private void export(String target) throws IOException {
        if (target.equals("-")) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            trail.exportJsonLines(out);
        } else {
            try (Writer out = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
                trail.exportJsonLines(out);
            }
            System.out.println("Audit trail written to " + target);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
