package org.machi.procedures.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.catalog.CatalogFile;
import org.machi.shared.SiteLanguage;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** Which answers bring which procedures, why, and in what order; every rule names a procedure of the catalog and a translated text. */
class LifeEventRulesTests {

    private static PlanSteps plan(LifeEvent event, String... parameters) {
        Questionnaire questionnaire = questionnaire(event);
        Questionnaire.Reading reading = questionnaire.read(parameters(parameters));
        assertThat(reading.problems()).as("answers of the test").isEmpty();
        PlanSteps steps = new PlanSteps();
        questionnaire.policy().plan(reading.answers(), steps);
        return steps;
    }

    private static Questionnaire questionnaire(LifeEvent event) {
        return new Questionnaire(LifeEventPlanner.POLICIES.stream().filter(p -> p.event() == event).findFirst().orElseThrow());
    }

    /** "name=value" pairs, a name given twice having two values. */
    private static Map<String, String[]> parameters(String... pairs) {
        Map<String, List<String>> values = new HashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split("=", 2);
            values.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toArray(String[]::new)));
    }

    private static PlanSteps.Step step(PlanSteps plan, String slug) {
        return plan.steps().stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static List<String> slugs(PlanSteps plan) {
        return plan.steps().stream().map(PlanSteps.Step::slug).toList();
    }

    @Test
    void movingInWithTwoChildrenOneUnder3() {
        PlanSteps plan = plan(LifeEvent.MOVING, "direction=into", "under3=1", "schoolAge=1", "care=none", "situation=daycare", "card=yes");
        assertThat(slugs(plan)).containsExactly("tennyu-yoyaku", "tennyu", "jido-teate", "hoikusho");
        assertThat(step(plan, "tennyu-yoyaku").when()).isEqualTo("lifeEvents.when.beforeMoving");
        assertThat(step(plan, "tennyu").when()).isEqualTo("lifeEvents.when.within14DaysOfMovingIn");
        assertThat(step(plan, "jido-teate").why()).isEqualTo("lifeEvents.why.movingIn.allowance");
        assertThat(step(plan, "jido-teate").when()).as("the 15-day rule").isEqualTo("lifeEvents.when.allowance15Days");
        assertThat(step(plan, "hoikusho").why()).as("the child under 3 is why").isEqualTo("lifeEvents.why.daycare.under3");
        assertThat(step(plan, "hoikusho").bring()).containsExactly("lifeEvents.bring.newAddressProof");
        assertThat(plan.notes()).as("a school-age child changes school").containsExactly("lifeEvents.note.school");

        PlanSteps olderOnly = plan(LifeEvent.MOVING, "direction=into", "preschool=2", "care=none", "situation=daycare", "card=yes");
        assertThat(step(olderOnly, "hoikusho").why()).isEqualTo("lifeEvents.why.daycare.preschool");
        PlanSteps noDaycare = plan(LifeEvent.MOVING, "direction=into", "under3=1", "care=none", "card=yes");
        assertThat(slugs(noDaycare)).containsExactly("tennyu-yoyaku", "tennyu", "jido-teate");
    }

    @Test
    void movingInWithoutACardCareAndADog() {
        PlanSteps plan = plan(LifeEvent.MOVING, "direction=into", "care=certified", "situation=dog", "situation=bulkyWaste", "card=no");
        assertThat(slugs(plan)).as("no advance notice without the card, no allowance without children")
                .containsExactly("tennyu", "kaigo-nintei", "inu-toroku", "sodai-gomi");
        assertThat(step(plan, "tennyu").bring()).containsExactly("lifeEvents.bring.transferCertificate");
        assertThat(step(plan, "kaigo-nintei").why()).isEqualTo("lifeEvents.why.movingIn.careTransfer");
        assertThat(step(plan, "kaigo-nintei").when()).isEqualTo("lifeEvents.when.careTransfer14Days");
        assertThat(step(plan, "kaigo-nintei").bring()).containsExactly("lifeEvents.bring.careCertificate");
        assertThat(step(plan, "inu-toroku").when()).isEqualTo("lifeEvents.when.dog30Days");
        assertThat(step(plan, "inu-toroku").bring()).containsExactly("lifeEvents.bring.oldDogTag");
        assertThat(plan.notes()).isEmpty();

        PlanSteps needsCare = plan(LifeEvent.MOVING, "direction=into", "care=needed", "card=yes");
        assertThat(step(needsCare, "kaigo-nintei").why()).isEqualTo("lifeEvents.why.careNeeded");
    }

    @Test
    void movingOutIsTheMoveOutNotificationAndBulkyWasteBeforeIt() {
        PlanSteps plan = plan(LifeEvent.MOVING, "direction=out", "under3=1", "care=certified", "situation=bulkyWaste", "situation=dog", "card=yes");
        assertThat(slugs(plan)).containsExactly("sodai-gomi", "tenshutsu");
        assertThat(step(plan, "sodai-gomi").why()).isEqualTo("lifeEvents.why.movingOut.bulkyWaste");
        assertThat(step(plan, "sodai-gomi").when()).isEqualTo("lifeEvents.when.bulkyWasteBeforeMoving");
        assertThat(step(plan, "tenshutsu").when()).isEqualTo("lifeEvents.when.tenshutsu");
        assertThat(plan.notes()).as("what is done at the new city").containsExactly("lifeEvents.note.movingOut.newCity",
                "lifeEvents.note.movingOut.allowance", "lifeEvents.note.movingOut.care", "lifeEvents.note.movingOut.dog");
    }

    @Test
    void movingWithinAtsugiNeedsNoMovingInOrOutNotification() {
        PlanSteps plan = plan(LifeEvent.MOVING, "direction=within", "care=certified", "situation=dog", "card=yes");
        assertThat(slugs(plan)).containsExactly("inu-toroku");
        assertThat(step(plan, "inu-toroku").why()).isEqualTo("lifeEvents.why.movingWithin.dog");
        assertThat(plan.notes()).containsExactly("lifeEvents.note.movingWithin.tenkyo", "lifeEvents.note.movingWithin.care");
    }

    @Test
    void bereavementIsTheBereavementCounterAndWhatTheCatalogRelatesToIt() throws Exception {
        PlanSteps plan = plan(LifeEvent.BEREAVEMENT, "situation=deceasedDog", "card=no");
        CatalogFile.ProcedureSeed okuyami = catalog().procedures().stream().filter(p -> p.slug().equals("okuyami")).findFirst().orElseThrow();
        assertThat(slugs(plan).get(0)).isEqualTo("okuyami");
        assertThat(slugs(plan)).containsAll(okuyami.related()).contains("inu-toroku").doesNotContain("sodai-gomi");
        assertThat(step(plan, "okuyami").when()).isEqualTo("lifeEvents.when.okuyami14Days");
        assertThat(plan.notes()).containsExactly("lifeEvents.note.bereavement.deathNotice");
    }

    @Test
    void birthChildcareAndDisaster() {
        assertThat(slugs(plan(LifeEvent.BIRTH, "card=yes"))).containsExactly("shussei", "jido-teate");
        assertThat(slugs(plan(LifeEvent.BIRTH, "situation=babyDaycare", "card=yes"))).containsExactly("shussei", "jido-teate", "hoikusho");
        assertThat(step(plan(LifeEvent.BIRTH, "card=no"), "shussei").when()).isEqualTo("lifeEvents.when.birth14Days");

        assertThat(slugs(plan(LifeEvent.CHILDCARE, "schoolAge=2", "allowance=no", "card=yes"))).containsExactly("jido-teate");
        assertThat(slugs(plan(LifeEvent.CHILDCARE, "under3=1", "allowance=yes", "situation=daycare", "card=yes"))).containsExactly("hoikusho");
        assertThat(slugs(plan(LifeEvent.CHILDCARE, "schoolAge=1", "allowance=yes", "card=yes"))).isEmpty();

        PlanSteps earthquake = plan(LifeEvent.DISASTER, "damage=natural", "situation=disasterWaste", "card=no");
        assertThat(slugs(earthquake)).containsExactly("risai", "sodai-gomi");
        PlanSteps fire = plan(LifeEvent.DISASTER, "damage=fire", "card=no");
        assertThat(slugs(fire)).as("after a fire the fire department certifies").isEmpty();
        assertThat(fire.notes()).containsExactly("lifeEvents.note.disaster.fire");
    }

    @Test
    void badAnswersNameTheQuestionAndLinkToItsInput() {
        Questionnaire moving = questionnaire(LifeEvent.MOVING);
        Questionnaire.Reading reading = moving.read(parameters("direction=sideways", "under3=-1", "preschool=999", "schoolAge=two",
                "situation=<script>", "care=none"));
        assertThat(reading.ok()).isFalse();
        assertThat(reading.answers()).isNull();
        assertThat(reading.problems()).extracting(AnswerProblem::field, AnswerProblem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("direction-into", "lifeEvents.problem.unknown"),
                org.assertj.core.groups.Tuple.tuple("under3", "lifeEvents.problem.count"),
                org.assertj.core.groups.Tuple.tuple("preschool", "lifeEvents.problem.count"),
                org.assertj.core.groups.Tuple.tuple("schoolAge", "lifeEvents.problem.count"),
                org.assertj.core.groups.Tuple.tuple("situation-daycare", "lifeEvents.problem.unknown"),
                org.assertj.core.groups.Tuple.tuple("card-yes", "lifeEvents.problem.choose"));
        assertThat(((org.springframework.context.MessageSourceResolvable) reading.problems().get(1).args()[0]).getCodes())
                .containsExactly("lifeEvents.q.children.under3");

        assertThat(moving.read(parameters("direction=into", "direction=out", "care=none", "card=yes")).problems())
                .extracting(AnswerProblem::field).containsExactly("direction-into");
        assertThat(moving.read(parameters("direction=into", "under3=1", "under3=2", "care=none", "card=yes")).problems())
                .extracting(AnswerProblem::field).containsExactly("under3");
        assertThat(moving.read(parameters("direction=into", "care=none", "situation=daycare", "card=yes")).problems())
                .as("daycare without a child under school age").extracting(AnswerProblem::key)
                .containsExactly("lifeEvents.problem.daycareWithoutChild");

        Questionnaire.Reading fullWidth = moving.read(parameters("direction=into", "under3=２", "preschool= ", "care=none", "card=yes"));
        assertThat(fullWidth.ok()).isTrue();
        assertThat(fullWidth.answers().count("under3")).isEqualTo(2);
        assertThat(fullWidth.answers().count("preschool")).isZero();
        assertThat(moving.read(parameters("direction=into", "under3=10", "care=none", "card=yes")).ok()).isTrue();
        assertThat(moving.read(parameters("direction=into", "under3=11", "care=none", "card=yes")).ok()).isFalse();
    }

    /**
     * Every combination of answers (counts of 0 and 1): each procedure a rule names is in the
     * catalog, and each text is in all nine languages; and no text of the bundle goes unused.
     */
    @Test
    void everyRuleNamesACatalogProcedureAndATranslatedText() throws Exception {
        Set<String> slugs = catalog().procedures().stream().map(CatalogFile.ProcedureSeed::slug).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        int plans = 0;
        for (LifeEventPolicy policy : LifeEventPlanner.POLICIES) {
            Questionnaire questionnaire = new Questionnaire(policy);
            for (Question question : questionnaire.questions()) {
                keys.add(question.legendKey());
                if (question.hint()) {
                    keys.add(question.hintKey());
                }
                question.options().forEach(o -> keys.add(question.optionKey(o)));
            }
            for (Map<String, String[]> answers : everyAnswer(questionnaire.questions(), 0, new HashMap<>())) {
                Questionnaire.Reading reading = questionnaire.read(answers);
                if (!reading.ok()) {
                    reading.problems().forEach(p -> keys.add(p.key()));
                    continue;
                }
                PlanSteps plan = new PlanSteps();
                policy.plan(reading.answers(), plan);
                plans++;
                for (PlanSteps.Step step : plan.steps()) {
                    named.add(step.slug());
                    keys.add(step.why());
                    keys.add(step.when());
                    keys.addAll(step.bring());
                }
                keys.addAll(plan.notes());
            }
        }
        assertThat(plans).isGreaterThan(1000);
        assertThat(slugs).containsAll(named);
        assertThat(named).as("the procedures a life event brings").contains("tennyu-yoyaku", "tennyu", "tenshutsu", "jido-teate",
                "hoikusho", "kaigo-nintei", "inu-toroku", "sodai-gomi", "shussei", "okuyami", "juminhyo", "kazei-shomei", "risai");
        for (SiteLanguage language : SiteLanguage.values()) {
            Properties bundle = bundle(language);
            assertThat(bundle.stringPropertyNames()).as(language.code()).containsAll(keys);
            assertThat(bundle.stringPropertyNames().stream().filter(k -> k.matches("lifeEvents\\.(why|when|bring|note)\\..*")))
                    .as("texts no rule uses").allMatch(keys::contains);
        }
    }

    private static List<Map<String, String[]>> everyAnswer(List<Question> questions, int index, Map<String, String[]> sofar) {
        if (index == questions.size()) {
            return List.of(new HashMap<>(sofar));
        }
        Question question = questions.get(index);
        List<Map<String, String[]>> all = new ArrayList<>();
        switch (question.kind()) {
            case CHOICE -> question.options().forEach(o -> {
                sofar.put(question.id(), new String[] {o});
                all.addAll(everyAnswer(questions, index + 1, sofar));
            });
            case FLAGS -> {
                int n = question.options().size();
                for (int mask = 0; mask < 1 << n; mask++) {
                    List<String> ticked = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if ((mask & 1 << i) != 0) {
                            ticked.add(question.options().get(i));
                        }
                    }
                    sofar.put(question.id(), ticked.toArray(String[]::new));
                    all.addAll(everyAnswer(questions, index + 1, sofar));
                }
            }
            case COUNTS -> {
                int n = question.options().size();
                for (int mask = 0; mask < 1 << n; mask++) {
                    for (int i = 0; i < n; i++) {
                        sofar.put(question.options().get(i), new String[] {(mask & 1 << i) != 0 ? "1" : "0"});
                    }
                    all.addAll(everyAnswer(questions, index + 1, sofar));
                }
            }
        }
        return all;
    }

    private static CatalogFile catalog() throws Exception {
        try (InputStream in = new ClassPathResource(CatalogFile.RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, CatalogFile.class);
        }
    }

    private static Properties bundle(SiteLanguage language) throws Exception {
        String suffix = language == SiteLanguage.REFERENCE ? "" : "_" + switch (language) {
            case JA_EASY -> "ja__easy";
            default -> language.code().replace('-', '_');
        };
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("messages/procedures-lifeevents" + suffix + ".properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
