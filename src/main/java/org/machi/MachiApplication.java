package org.machi;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MachiApplication {

    /** Operators' commands: the application starts without its web server, runs the command and exits. */
    private static final Set<String> COMMANDS = Set.of("audit-verify", "audit-export",
            "keys-list", "keys-add", "keys-make-primary");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MachiApplication.class);
        boolean command = Arrays.stream(args).anyMatch(COMMANDS::contains);
        if (command) {
            // the same application, but no port is opened
            String[] withoutServer = Stream.concat(Arrays.stream(args),
                    Stream.of("--server.port=-1", "--management.server.port=-1", "--spring.main.banner-mode=off")).toArray(String[]::new);
            System.exit(SpringApplication.exit(application.run(withoutServer)));
        }
        application.run(args);
    }
}
