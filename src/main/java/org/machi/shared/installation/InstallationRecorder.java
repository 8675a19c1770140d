package org.machi.shared.installation;

import java.util.Map;
import org.machi.shared.CityProfile;
import org.machi.shared.Installation;
import org.machi.shared.SiteLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Records each start of a node and tells operators (actuator info) which deployment and city this is. */
@Component
class InstallationRecorder implements ApplicationRunner, InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(InstallationRecorder.class);

    private final Installations installations;
    private final CityProfile city;

    InstallationRecorder(Installations installations, CityProfile city) {
        this.installations = installations;
        this.city = city;
    }

    @Override
    public void run(ApplicationArguments args) {
        Installation installation = installations.recordStart();
        log.info("Machi deployment {} for {} ({}) started; start number {} since {}", installation.id(),
                city.name(SiteLanguage.EN), city.code(), installation.starts(), installation.firstStartedAt());
    }

    @Override
    public void contribute(Info.Builder builder) {
        Installation installation = installations.current();
        builder.withDetail("machi", Map.of(
                "deployment", installation.id().toString(),
                "firstStartedAt", installation.firstStartedAt().toString(),
                "lastStartedAt", installation.lastStartedAt().toString(),
                "starts", installation.starts(),
                "city", Map.of("code", city.code(), "name", city.name(SiteLanguage.JA))));
    }
}
