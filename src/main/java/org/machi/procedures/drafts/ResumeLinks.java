package org.machi.procedures.drafts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.drafts.ResumeLinkStore.Link;
import org.machi.procedures.drafts.ResumeLinkStore.Reason;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links by mail that continue a draft where its owner stopped, in any browser: bound to
 * the draft and its owner's account, stored hashed, good once and for
 * {@code machi.procedures.drafts.link-lifetime}; a new link to a draft voids the older ones. Only
 * the owner's confirmed address is ever mailed, so holding a link (or an old one) never sends one
 * anywhere else.
 */
@Service
public class ResumeLinks {

    /** Where a link leads when the resident stopped on the check-your-answers page. */
    public static final String CHECK_ANSWERS = "check-answers";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LONGEST_TOKEN = 100;

    private final ResumeLinkStore store;
    private final Applying applying;
    private final Residents residents;
    private final RateLimits rates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;
    private final Limit perHour;
    private final Limit perDay;

    ResumeLinks(ResumeLinkStore store, Applying applying, Residents residents, RateLimits rates, ApplicationEventPublisher events,
                Clock clock, DraftsProperties properties) {
        this.store = store;
        this.applying = applying;
        this.residents = residents;
        this.rates = rates;
        this.events = events;
        this.clock = clock;
        this.lifetime = properties.linkLifetime();
        this.perHour = new Limit("procedures.resume-links.per-account-hour", properties.linksPerHour(), Duration.ofHours(1));
        this.perDay = new Limit("procedures.resume-links.per-account-day", properties.linksPerDay(), Duration.ofDays(1));
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * The owner asks for a link to their draft, to continue at {@code stepId}; false when they asked
     * for too many lately (nothing is made). The mail goes in the background.
     *
     * @throws IllegalArgumentException if the draft is not the account's
     */
    @Transactional
    public boolean ask(UUID account, UUID applicationId, String stepId, SiteLanguage pageLanguage) {
        StoredApplication draft = ownDraft(account, applicationId).orElseThrow(() -> new IllegalArgumentException("not the account's draft"));
        if (!rates.tryTake(perHour, account.toString()) || !rates.tryTake(perDay, account.toString())) {
            return false;
        }
        issue(draft.id(), account, stepId, preferredLanguage(account).orElse(pageLanguage), Reason.ASKED);
        return true;
    }

    /** A link for the reminder mailed before the draft is deleted; it leads to the first step not yet answered. */
    @Transactional
    public void remind(UUID account, UUID applicationId) {
        SiteLanguage language = preferredLanguage(account).or(() -> store.lastAskedLanguage(applicationId)).orElse(SiteLanguage.REFERENCE);
        issue(applicationId, account, null, language, Reason.REMINDER);
    }

    private void issue(UUID applicationId, UUID account, String stepId, SiteLanguage language, Reason reason) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(id, applicationId, account, newToken(), stepId, language, reason, now, now.plus(lifetime));
        events.publishEvent(new ResumeLinkIssued(id));
    }

    /** Where a used link leads: the owner's draft and the step they stopped at (null: the first not yet answered). */
    public record Opened(UUID account, UUID applicationId, String slug, String stepId) {
    }

    /** What came of opening a link: the draft to continue, or a refusal (with the account, for the audit trail, when the link was one). */
    public record Use(Opened opened, UUID refusedAccount) {
    }

    /** Uses the link up if it is valid and its draft is still a draft of its owner. */
    @Transactional
    public Use use(String token) {
        if (!plausible(token)) {
            return new Use(null, null);
        }
        Instant now = clock.instant();
        Optional<Link> found = store.lockByToken(token, now);
        if (found.isEmpty()) {
            return new Use(null, null);
        }
        Link link = found.get();
        Optional<StoredApplication> draft = ownDraft(link.account(), link.applicationId());
        if (!link.usable() || draft.isEmpty() || !store.markUsed(link.id(), now)) {
            return new Use(null, link.account());
        }
        return new Use(new Opened(link.account(), link.applicationId(), draft.get().procedure(), link.stepId()), null);
    }

    /**
     * A new link in place of a used or expired one, mailed to the owner of its draft, if the token
     * was ever one of ours and the draft is still there; the answer is the same either way.
     */
    @Transactional
    public void renew(String token) {
        if (!plausible(token)) {
            return;
        }
        store.lockByToken(token, clock.instant())
                .filter(link -> ownDraft(link.account(), link.applicationId()).isPresent())
                .filter(link -> rates.tryTake(perHour, link.account().toString()) && rates.tryTake(perDay, link.account().toString()))
                .ifPresent(link -> issue(link.applicationId(), link.account(), link.stepId(), link.language(), Reason.ASKED));
    }

    private Optional<StoredApplication> ownDraft(UUID account, UUID applicationId) {
        return applying.application(account, applicationId).filter(a -> a.status() == ApplicationStatus.DRAFT);
    }

    private Optional<SiteLanguage> preferredLanguage(UUID account) {
        return residents.find(account).map(r -> r.profile().preferredLanguage()).flatMap(SiteLanguage::fromCode);
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= LONGEST_TOKEN;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
