package org.machi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MachiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MachiApplication.class, args);
    }
}
