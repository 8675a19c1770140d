package org.machi;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MachiApplication {

    /** Operators' commands: the application starts without its web server, runs the command and exits. */
    private static final Set<String> COMMANDS = Set.of("audit-verify", "audit-export");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MachiApplication.class);
        boolean command = Arrays.stream(args).anyMatch(COMMANDS::contains);
        if (command) {
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
