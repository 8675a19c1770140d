package org.machi.alerts.publishing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.cap.CapWriter;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.CapCity;
import org.machi.alerts.domain.CapWording;
import org.machi.shared.CityProfile;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A published alert as the city's CAP 1.2 document, with the city as sender and its districts'
 * boundaries from the city profile as areas.
 */
@Component
public class CapDocuments {

    private final AlertStore store;
    private final CityProfile city;
    private final MessageSource messages;
    private final String baseUrl;
    private final String sender;
    private final AlertTemplates templates;
    private final CapCity capCity;
    private final Cache<UUID, String> written = Caffeine.newBuilder().maximumSize(1_000).build();

    CapDocuments(AlertStore store, CityProfile city, MessageSource messages, AlertTemplates templates,
                 SharedProperties shared) {
        this.store = store;
        this.city = city;
        this.messages = messages;
        this.templates = templates;
        this.baseUrl = shared.baseUrl();
        this.sender = URI.create(this.baseUrl).getHost();
        Map<String, CapCity.DistrictArea> districts = new LinkedHashMap<>();
        city.districts().forEach(d -> districts.put(d.code(), new CapCity.DistrictArea(city.districtGeocode(d), d.boundary().polygon())));
        this.capCity = new CapCity(sender, city.timeZone(), city.code(), city.outline().polygon(), districts, city.reviewHorizon(),
                new Wording());
    }

    /**
     * The alert's CAP document. Once published, an alert's CAP never changes (an update or cancel is
     * a message of its own), so it is written once and kept.
     */
    public String xml(Alert alert) {
        if (alert.publishedAt() == null) {
            return write(alert);
        }
        return written.get(alert.id(), id -> write(alert));
    }

    private String write(Alert alert) {
        return CapWriter.write(alert.toCap(capCity, earlier(alert), pageUrl(alert)));
    }

    /** The messages the alert follows (the original alert, then each update), oldest first; empty for an original. */
    public List<Alert> earlier(Alert alert) {
        if (alert.refersTo() == null) {
            return List.of();
        }
        List<Alert> history = store.history(alert);
        return List.copyOf(history.subList(0, history.indexOf(alert)));
    }

    /** The CAP identifiers of the messages the alert follows, oldest first: what its CAP {@code references} name. */
    public List<String> references(Alert alert) {
        return earlier(alert).stream().map(Alert::capIdentifier).toList();
    }

    public String pageUrl(Alert alert) {
        return baseUrl + "/alerts/" + alert.id();
    }

    public String capUrl(Alert alert) {
        return pageUrl(alert) + "/cap.xml";
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** CAP's words from the city profile, the alert templates and the message bundles. */
    private final class Wording implements CapWording {

        @Override
        public String senderName(String language) {
            return city.name(site(language));
        }

        @Override
        public String event(AlertKind kind, String language) {
            return messages.getMessage(kind.messageKey(), null, site(language).locale());
        }

        @Override
        public String districtName(String code, String language) {
            return templates.districtNames(Set.of(code), site(language));
        }

        @Override
        public String wholeCity(String language) {
            return messages.getMessage("alert.template.wholeCity", null, site(language).locale());
        }

        @Override
        public String drawnArea(String language) {
            return messages.getMessage("alert.area.drawn", null, site(language).locale());
        }

        private SiteLanguage site(String language) {
            return SiteLanguage.fromCode(language).orElse(SiteLanguage.JA);
        }
    }
}
