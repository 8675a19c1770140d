package org.machi.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The municipality Machi serves, read from the city profile YAML ({@code MACHI_CITY_PROFILE},
 * default Atsugi) and validated at start-up: a broken profile stops the start with a message that
 * names the property, the file and the line.
 *
 * @param code         the local government code (全国地方公共団体コード), six digits with check digit
 * @param name         the city's name per language code; {@code ja} and {@code en} are required
 * @param kana         reading of the Japanese name in hiragana
 * @param prefecture   the prefecture's name per language code
 * @param website      the city's official website
 * @param phone        the city hall's main telephone number, as dialled in Japan
 * @param mail         who the city's mail comes from (optional: the city's name at no-reply@ its website's domain)
 * @param postalAddress the city hall's address per language code
 * @param timeZone     the time zone in which residents read dates and times
 * @param centre       approximate centre of the city
 * @param outline      the city's boundary
 * @param districts    the areas that alerts, reports and facilities refer to
 * @param reviewHorizon how long after its start (or its sending, if later) the CAP message of an
 *                     alert without an end asks receivers to keep it: CAP's {@code expires}, the
 *                     horizon up to which the city reviews an order that stays until it is lifted
 * @param departments  the city's departments (事業主管課): the procedures catalog names them, staff
 *                     belong to one, cases are worked in one; optional (none: an empty list)
 */
@Validated
@ConfigurationProperties("machi.city")
public record CityProfile(
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the six-digit local government code") String code,
        @NotEmpty Map<String, @NotBlank String> name,
        @NotBlank @Pattern(regexp = HIRAGANA, message = "must be written in hiragana") String kana,
        @NotEmpty Map<String, @NotBlank String> prefecture,
        @NotNull URI website,
        @NotBlank @Pattern(regexp = DOMESTIC_PHONE, message = "must be a Japanese number with its area code, e.g. 046-223-1511") String phone,
        @Valid MailSender mail,
        @NotEmpty Map<String, @NotBlank String> postalAddress,
        @NotNull ZoneId timeZone,
        @NotNull @Valid Coordinates centre,
        @NotNull @Valid Boundary outline,
        @NotEmpty List<@NotNull @Valid District> districts,
        @NotNull Duration reviewHorizon,
        List<@NotNull @Valid Department> departments) {

    static final String HIRAGANA = "[\\p{InHiragana}ー・ 　]+";
    static final String HANGUL = "[\\p{IsHangul} ]+";
    static final String DOMESTIC_PHONE = "0\\d{1,4}-\\d{1,4}-\\d{3,4}";

    /** Japan's country calling code, for readers dialling from a foreign phone or thinking in international numbers. */
    private static final String COUNTRY_CODE = "+81";

    @ConstructorBinding
    public CityProfile {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A profile without departments (a city that has not listed them, or a test that needs none). */
    public CityProfile(String code, Map<String, String> name, String kana, Map<String, String> prefecture, URI website, String phone,
                       MailSender mail, Map<String, String> postalAddress, ZoneId timeZone, Coordinates centre, Boundary outline,
                       List<District> districts, Duration reviewHorizon) {
        this(code, name, kana, prefecture, website, phone, mail, postalAddress, timeZone, centre, outline, districts, reviewHorizon,
                List.of());
    }

    public String name(SiteLanguage language) {
        return localized(name, language);
    }

    public String prefecture(SiteLanguage language) {
        return localized(prefecture, language);
    }

    public String postalAddress(SiteLanguage language) {
        return localized(postalAddress, language);
    }

    /** The phone number as the reader writes it: domestic for Japanese, with the country code for everyone else. */
    public String phone(SiteLanguage language) {
        return language == SiteLanguage.JA || language == SiteLanguage.JA_EASY ? phone : COUNTRY_CODE + " " + phone.substring(1);
    }

    /** The phone number as a link that dials from anywhere (RFC 3966 global number). */
    public String phoneUri() {
        return "tel:" + COUNTRY_CODE + "-" + phone.substring(1);
    }

    /** The display name of the city's mail: the profile's, or the city's Japanese name. */
    public String mailSenderName() {
        return mail != null && mail.name() != null && !mail.name().isBlank() ? mail.name() : name(SiteLanguage.JA);
    }

    /** The address the city's mail comes from: the profile's, or no-reply@ the domain of the city's website. */
    public String mailSenderAddress() {
        return mail != null && mail.address() != null && !mail.address().isBlank() ? mail.address()
                : "no-reply@" + website.getHost().replaceFirst("^www\\.", "");
    }

    public Optional<District> district(String code) {
        return districts.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * The department a stored value means: a department's code, or, as data recorded before
     * departments had codes holds them, its Japanese name. Empty when it is neither.
     */
    public Optional<Department> departmentRecordedAs(String codeOrJapaneseName) {
        if (codeOrJapaneseName == null || codeOrJapaneseName.isBlank()) {
            return Optional.empty();
        }
        String recorded = codeOrJapaneseName.strip();
        return department(recorded).or(() -> departments.stream()
                .filter(d -> recorded.equals(d.name(SiteLanguage.REFERENCE))).findFirst());
    }

    /** Easy Japanese falls back to Japanese; every other language to English, then Japanese. */
    private static <T> T localized(Map<String, T> texts, SiteLanguage language) {
        T exact = lookup(texts, language.code());
        if (exact != null) {
            return exact;
        }
        if (language == SiteLanguage.JA_EASY) {
            return lookup(texts, "ja");
        }
        T english = lookup(texts, "en");
        return english != null ? english : lookup(texts, "ja");
    }

    private static <T> T lookup(Map<String, T> texts, String code) {
        return texts.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(code))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    @AssertTrue(message = "name, prefecture and postal-address need at least 'ja' and 'en'")
    public boolean isJapaneseAndEnglishGiven() {
        return isMissingOrHasJaAndEn(name) && isMissingOrHasJaAndEn(prefecture) && isMissingOrHasJaAndEn(postalAddress);
    }

    @AssertTrue(message = "language keys must be among ja, ja-easy, en, zh-CN, ko, vi, pt-BR, es, tl")
    public boolean isEveryLanguageKeyKnown() {
        return keysKnown(name) && keysKnown(prefecture) && keysKnown(postalAddress);
    }

    @AssertTrue(message = "district codes, numbers and names must be unique")
    public boolean isEveryDistrictUnique() {
        if (districts == null) {
            return true;
        }
        var codes = new HashSet<String>();
        var numbers = new HashSet<String>();
        var names = new HashSet<String>();
        return districts.stream().filter(d -> d != null)
                .allMatch(d -> codes.add(d.code()) && numbers.add(d.number()) && names.add(d.name()));
    }

    @AssertTrue(message = "department codes and Japanese names must be unique")
    public boolean isEveryDepartmentUnique() {
        var codes = new HashSet<String>();
        var names = new HashSet<String>();
        return departments.stream().filter(d -> d != null && d.texts() != null && lookup(d.texts(), "ja") != null)
                .allMatch(d -> codes.add(d.code()) && names.add(lookup(d.texts(), "ja").name()));
    }

    @AssertTrue(message = "review-horizon must be between one hour and seven days")
    public boolean isReviewHorizonReasonable() {
        return reviewHorizon == null || (reviewHorizon.compareTo(Duration.ofHours(1)) >= 0 && reviewHorizon.compareTo(Duration.ofDays(7)) <= 0);
    }

    /** A district's code as other systems read it (CAP geocode 地区コード): the city's local government code, a hyphen and the district's number. */
    public String districtGeocode(District district) {
        return code + "-" + district.number();
    }

    private static boolean isMissingOrHasJaAndEn(Map<String, ?> texts) {
        return texts == null || (lookup(texts, "ja") != null && lookup(texts, "en") != null);
    }

    private static boolean keysKnown(Map<String, ?> texts) {
        return texts == null || texts.keySet().stream()
                .allMatch(key -> SiteLanguage.fromCode(key.toLowerCase(Locale.ROOT)).isPresent());
    }

    /**
     * One district (地区) of the city.
     *
     * @param code   stable identifier used in URLs, APIs and other modules' data
     * @param number the district's number, unique in the city; with the city's code it is the
     *               district's code for other systems ({@link CityProfile#districtGeocode})
     * @param name   Japanese name
     * @param kana   reading in hiragana
     * @param hangul the Japanese reading in Hangul, for readers of Korean
     * @param romaji name in Latin letters, for readers of the languages written in it
     * @param centre approximate centre
     * @param boundary the district's area
     */
    public record District(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters, digits and hyphens") String code,
            @NotBlank @Pattern(regexp = "\\d{2,4}", message = "must be two to four digits") String number,
            @NotBlank String name,
            @NotBlank @Pattern(regexp = HIRAGANA, message = "must be written in hiragana") String kana,
            @NotBlank @Pattern(regexp = HANGUL, message = "must be written in Hangul") String hangul,
            @NotBlank String romaji,
            @NotNull @Valid Coordinates centre,
            @NotNull @Valid Boundary boundary) {

        /** The name as a reader of the given language reads it: readers of Chinese read the kanji. */
        public String displayName(SiteLanguage language) {
            return switch (language) {
                case JA, JA_EASY, ZH_CN -> name;
                case KO -> hangul;
                default -> romaji;
            };
        }
    }

    /**
     * A department of the city (事業主管課): who handles a procedure, and where staff belong.
     *
     * @param code  stable identifier that procedures, staff accounts and cases refer to
     * @param phone the number residents call, as dialled in Japan
     * @param texts its name and where its counter is, per language code; {@code ja} and {@code en} are
     *              required, the Japanese name is how staff see it and how data recorded before
     *              departments had codes named it
     */
    public record Department(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters, digits and hyphens")
            @Size(max = 40) String code,
            @NotBlank @Pattern(regexp = DOMESTIC_PHONE, message = "must be a Japanese number with its area code, e.g. 046-223-1511") String phone,
            @NotEmpty Map<String, @NotNull @Valid DepartmentText> texts) {

        /** The name as a reader of the language reads it (easy Japanese falls back to Japanese, others to English). */
        public String name(SiteLanguage language) {
            return localized(texts, language).name();
        }

        /** Where its counter is, for a reader of the language. */
        public String counter(SiteLanguage language) {
            return localized(texts, language).counter();
        }

        @AssertTrue(message = "needs texts in at least 'ja' and 'en', in known languages only")
        public boolean isJapaneseAndEnglishGiven() {
            return texts == null || (lookup(texts, "ja") != null && lookup(texts, "en") != null && keysKnown(texts));
        }
    }

    /** A department's name and where its counter is, in one language. */
    public record DepartmentText(@NotBlank String name, @NotBlank String counter) {
    }

    /**
     * The sender of the city's mail, as residents see it in their inbox.
     *
     * @param name    display name, e.g. 厚木市 or 厚木市 危機管理課
     * @param address the mailbox, one the city's mail relay may send from
     */
    public record MailSender(String name, @Email String address) {
    }

    /**
     * An area's boundary as one closed ring in CAP's polygon form: "latitude,longitude" points (WGS 84)
     * separated by spaces, the first repeated last.
     *
     * @param polygon     the ring
     * @param approximate whether it was drawn or computed rather than taken from official boundary data
     */
    public record Boundary(@NotBlank String polygon, boolean approximate) {

        @AssertTrue(message = "must be at least four \"latitude,longitude\" points separated by spaces, the first repeated last")
        public boolean isClosedRing() {
            if (polygon == null || polygon.isBlank()) {
                return true;
            }
            String[] points = polygon.strip().split("\\s+");
            return points.length >= 4 && points[0].equals(points[points.length - 1])
                    && Arrays.stream(points).allMatch(Boundary::isPoint);
        }

        private static boolean isPoint(String pair) {
            String[] parts = pair.split(",", -1);
            if (parts.length != 2 || !parts[0].matches("-?\\d{1,2}(\\.\\d+)?") || !parts[1].matches("-?\\d{1,3}(\\.\\d+)?")) {
                return false;
            }
            return Math.abs(Double.parseDouble(parts[0])) <= 90 && Math.abs(Double.parseDouble(parts[1])) <= 180;
        }
    }

    /** A point in WGS 84 decimal degrees. */
    public record Coordinates(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
