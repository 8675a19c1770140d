package org.machi.casework.counter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.counter.CounterSessionStore.StartedApplication;
import org.machi.procedures.AnswerLine;
import org.machi.procedures.Applications;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.PeopleNames;
import org.machi.shared.SiteLanguage;
import org.machi.shared.pdf.PageWriter;
import org.machi.shared.pdf.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one summary of a counter visit (窓口申請の内容確認書) as a PDF: every application of the
 * session with its answers as the check-your-answers page shows them, and a line for the resident's
 * signature. The resident checks it before the clerk submits. A4, black on white, nothing under
 * 10 pt; labels in Japanese with the page's language beside them where it differs; answers printed
 * as text. Printing shows the resident's data, so it is recorded in the audit trail like a look-up.
 */
@Component
class CounterSummary {

    private static final float BOTTOM = 80;
    private static final float FOOTER_TOP = 60;
    private static final float ANSWER_INDENT = 14;

    private final Counter counter;
    private final CounterSessionStore sessions;
    private final Applications applications;
    private final Procedures procedures;
    private final PeopleNames people;
    private final CounterDates dates;
    private final MessageSource messages;
    private final CityProfile city;
    private final Clock clock;

    CounterSummary(Counter counter, CounterSessionStore sessions, Applications applications, Procedures procedures,
                   PeopleNames people, CounterDates dates, MessageSource messages, CityProfile city, Clock clock) {
        this.counter = counter;
        this.sessions = sessions;
        this.applications = applications;
        this.procedures = procedures;
        this.people = people;
        this.dates = dates;
        this.messages = messages;
        this.city = city;
        this.clock = clock;
    }

    @Transactional
    public byte[] render(UUID id, String clerk, SiteLanguage language) {
        CounterSession session = counter.session(id, clerk);
        List<StartedApplication> started = sessions.applicationsOf(id);
        if (started.isEmpty()) {
            throw new CounterRefusal(HttpStatus.BAD_REQUEST, "counter.refused.nothingToPrint");
        }
        RegisteredPerson person = counter.person(session).orElseThrow(() -> new CounterRefusal(HttpStatus.BAD_REQUEST,
                "counter.refused.noResident"));
        counter.audited(clerk, person.registerNumber(), session.purpose(), "counter summary " + id);
        Instant now = clock.instant();
        try (PDDocument document = new PDDocument(); PdfFonts.Loaded fonts = PdfFonts.shared().load(document)) {
            describe(document, language, now);
            PageWriter page = PageWriter.start(document, fonts, BOTTOM);
            page.centred(bilingual("counter.summary.title", language), 16);
            page.right(city.name(SiteLanguage.JA), 10.5f);
            page.right(bilingual("counter.summary.printedAt", language) + " " + dates.moment(now), 10);
            page.gap(4);
            page.rule();
            line(page, "counter.summary.name", language, person.familyName() + " " + person.givenName() + "（"
                    + person.familyNameKana() + " " + person.givenNameKana() + "）");
            line(page, "counter.summary.birthDate", language, dates.date(person.birthDate(), SiteLanguage.JA.locale()));
            line(page, "counter.summary.address", language, dates.postcode(person.postcode()) + " " + person.addressLine());
            line(page, "counter.summary.registerNumber", language, person.registerNumber());
            page.rule();
            int number = 0;
            for (StartedApplication application : started) {
                number++;
                String title = procedures.find(application.procedureSlug(), language).map(ProcedureView::title)
                        .orElse(application.procedureSlug());
                page.keepTogether(title, 12, 10);
                page.text(number + ". " + title, 12, 0);
                page.gap(2);
                String step = null;
                for (AnswerLine answer : applications.answerLines(application.applicationId(), clerk, language)) {
                    if (answer.step() != null && !answer.step().equals(step)) {
                        step = answer.step();
                        page.keepTogether(step, 10, 10);
                        page.text("【" + step + "】", 10, 0);
                    }
                    page.keepTogether(answer.label(), 10, 11);
                    page.text(answer.label(), 10, ANSWER_INDENT);
                    page.text(answer.value() == null || answer.value().isBlank() ? "—" : answer.value(), 11, 2 * ANSWER_INDENT);
                }
                page.gap(6);
            }
            page.rule();
            page.keepTogether(message("counter.summary.declaration", SiteLanguage.JA), 11, 60);
            page.text(bilingual("counter.summary.declaration", language), 11, 0);
            page.gap(24);
            page.text(bilingual("counter.summary.signature", language) + "  ______________________________    "
                    + bilingual("counter.summary.signedOn", language) + "  ____年____月____日", 11, 0);
            page.gap(12);
            page.text(bilingual("counter.summary.clerk", language) + "  "
                    + people.namesOf(List.of(clerk)).getOrDefault(clerk, clerk), 10, 0);
            page.finish();
            PageWriter.footers(document, fonts, FOOTER_TOP, (footer, at, of) -> {
                footer.rule();
                footer.text(message("counter.summary.footer", SiteLanguage.JA, at, of), 10, 0);
            });
            return PageWriter.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the counter summary could not be written", e);
        }
    }

    private void line(PageWriter page, String key, SiteLanguage language, String value) throws IOException {
        page.text(bilingual(key, language), 10, 0);
        page.text(value, 11, ANSWER_INDENT);
    }

    private void describe(PDDocument document, SiteLanguage language, Instant now) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(message("counter.summary.title", SiteLanguage.JA));
        info.setAuthor(city.name(SiteLanguage.JA));
        info.setCreator("Machi");
        Calendar created = GregorianCalendar.from(now.atZone(city.timeZone()));
        created.setTimeZone(TimeZone.getTimeZone(city.timeZone()));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(language.htmlLang());
    }

    /** The Japanese text, and the page's language beside it where it says something else. */
    private String bilingual(String key, SiteLanguage language) {
        String japanese = message(key, SiteLanguage.JA);
        String other = message(key, language);
        return other.equals(japanese) ? japanese : japanese + " / " + other;
    }

    private String message(String key, SiteLanguage language, Object... arguments) {
        return messages.getMessage(key, arguments, language.locale());
    }
}
