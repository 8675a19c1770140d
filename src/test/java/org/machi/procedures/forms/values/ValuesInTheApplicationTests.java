package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The readers as the application has them: the city's postcode list loaded, dates counted in its time zone, the messages in its bundles. */
@MachiWebTest
class ValuesInTheApplicationTests {

    @Autowired
    Postcodes postcodes;

    @Autowired
    DateValues dates;

    @Autowired
    MessageSource messages;

    @Test
    void theCitysReadersAreThere() {
        assertThat(postcodes.lookup("243-0018")).extracting(Town::name).containsExactly("中町");
        assertThat(dates.parse("平成32年1月1日", DatesAllowed.ANY).refusal().orElseThrow().key())
                .as("the default: refused").isEqualTo("form.value.date.otherEra");
        Problem problem = dates.parse("令和0年4月1日", DatesAllowed.ANY).refusal().orElseThrow();
        assertThat(messages.getMessage(problem.key(), problem.messageArguments("生年月日"), Locale.JAPANESE))
                .isEqualTo("生年月日：令和0年という年はありません。令和の最初の年は「令和元年」（1年）です。");
    }
}
