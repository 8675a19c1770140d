package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** Every refusal reads as a sentence naming the field in every language, and every message of the bundle is one a refusal uses. */
class ProblemMessagesTests {

    private static final DateValues DATES = new DateValues(Clock.systemUTC(), ZoneId.of("Asia/Tokyo"), EraOverrun.REFUSE);

    private static List<Problem> refusals() {
        return Stream.of(
                DATES.parse("", DatesAllowed.ANY), DATES.parse("someday", DatesAllowed.ANY), DATES.parse("2025-02-30", DatesAllowed.ANY),
                DATES.parse("令和0年1月1日", DatesAllowed.ANY), DATES.parse("平成32年1月1日", DatesAllowed.ANY),
                DATES.parse("明治5年1月1日", DatesAllowed.ANY), DATES.parse("2999-01-01", DatesAllowed.PAST),
                DATES.parse("1990-01-01", DatesAllowed.FUTURE),
                NumberValues.yen("abc", null, null), NumberValues.yen("-1", null, null), NumberValues.yen("1.5", null, null),
                NumberValues.yen("5", 10L, null), NumberValues.yen("50000", null, 10_000L),
                NumberValues.number("abc", null, null), NumberValues.number("1.5", null, null),
                NumberValues.number("0", 1L, null), NumberValues.number("11", null, 10L),
                PhoneValues.parse("abc"), PhoneValues.parse("046-223-151"),
                KanaValues.parse("山田", 50), KanaValues.parse("Yamada", 50), KanaValues.parse("やまだ2", 50), KanaValues.parse("やまだ", 2),
                EmailValues.parse("taro@"), TextValues.line("a\u0007", 10), TextValues.line("abcdef", 5),
                TextValues.line("123456789018", 50), PostcodeValues.parse("243"),
                FieldValue.<String>refused("form.value.postcode.notInCity", "100-0001"))
                .map(value -> value.refusal().orElseThrow()).toList();
    }

    @Test
    void everyRefusalReadsInEveryLanguageWithTheFieldNamed() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/procedures-values");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        for (SiteLanguage language : SiteLanguage.values()) {
            for (Problem problem : refusals()) {
                String text = messages.getMessage(problem.key(), problem.messageArguments("«LABEL»"), language.locale());
                assertThat(text).as(language.code() + " " + problem.key()).contains("«LABEL»").doesNotContain("{", "}");
            }
        }
    }

    @Test
    void everyMessageOfTheBundleIsUsed() throws IOException {
        Properties reference = new Properties();
        try (InputStream in = new ClassPathResource("messages/procedures-values.properties").getInputStream()) {
            reference.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> used = refusals().stream().map(Problem::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).isEqualTo(new TreeSet<>(reference.stringPropertyNames()));
    }
}
