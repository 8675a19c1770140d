package org.machi.procedures.forms.values;

import java.time.Clock;
import org.machi.shared.CityProfile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The date reader with today counted in the city's time zone and the city's choice about 平成32年. */
@Configuration(proxyBeanMethods = false)
class ValuesConfiguration {

    @Bean
    DateValues dateValues(Clock clock, CityProfile city, ValuesProperties settings) {
        return new DateValues(clock, city.timeZone(), settings.eraOverrun());
    }
}
