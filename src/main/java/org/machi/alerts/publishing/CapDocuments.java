package org.machi.alerts.publishing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.cap.CapWriter;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.CapWording;
import org.machi.shared.CityProfile;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A published alert as the city's CAP 1.2 document, with the city as sender and its districts as areas. */
@Component
public class CapDocuments {

    /** Districts are described as circles around their centres, wide enough to cover the district. */
    private static final double DISTRICT_RADIUS_KM = 2.0;

    private final AlertStore store;
    private final CityProfile city;
    private final MessageSource messages;
    private final String baseUrl;
    private final String sender;
    private final AlertTemplates templates;
    private final CapWording wording = new Wording();
    private final Cache<UUID, String> written = Caffeine.newBuilder().maximumSize(1_000).build();

    CapDocuments(AlertStore store, CityProfile city, MessageSource messages, AlertTemplates templates,
                 SharedProperties shared) {
        this.store = store;
        this.city = city;
        this.messages = messages;
        this.templates = templates;
        this.baseUrl = shared.baseUrl();
        this.sender = URI.create(this.baseUrl).getHost();
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
        Alert referenced = alert.refersTo() == null ? null : store.find(alert.refersTo()).orElseThrow();
        return CapWriter.write(alert.toCap(sender, city.timeZone(), areas(), referenced, pageUrl(alert), wording));
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

    private Map<String, Alert.DistrictArea> areas() {
        Map<String, Alert.DistrictArea> areas = new LinkedHashMap<>();
        city.districts().forEach(d -> areas.put(d.code(), new Alert.DistrictArea(d.centre().latitude(), d.centre().longitude(),
                DISTRICT_RADIUS_KM)));
        return areas;
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
