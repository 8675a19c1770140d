package org.machi.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.machi.shared.SharedProperties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/** Incomplete events go out again from one recurring task, only once they are old enough; never at every node's start. */
class EventResubmissionTests {

    @Test
    void theTaskResubmitsOnlyEventsOlderThanTheThreshold() {
        List<Duration> asked = new ArrayList<>();
        IncompleteEventPublications recording = new IncompleteEventPublications() {
            @Override
            public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
                throw new AssertionError("every incomplete event, whatever its age");
            }

            @Override
            public void resubmitIncompletePublicationsOlderThan(Duration duration) {
                asked.add(duration);
            }

            @Override
            public void resubmitIncompletePublications(ResubmissionOptions options) {
                throw new AssertionError("not the age threshold");
            }
        };
        var task = new EventResubmission().resubmitIncompleteEvents(recording, new SharedProperties("https://machi.test",
                Path.of("data"), new SharedProperties.Mail(""), new SharedProperties.Tasks(Duration.ofSeconds(10)),
                new SharedProperties.Events(Duration.ofMinutes(5), Duration.ofMinutes(1)), null));
        task.execute(null, null);

        assertThat(asked).containsExactly(Duration.ofMinutes(5));
        assertThat(task.getName()).isEqualTo("shared-resubmit-incomplete-events");
    }

    @Test
    void nodesDoNotRepublishEverythingIncompleteAtTheirStart() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject().getProperty("spring.modulith.events.republish-outstanding-events-on-restart")).isEqualTo("false");
    }
}
