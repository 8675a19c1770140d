package org.machi.shared;

/**
 * A line the layout shows at the top of every page while it matters, e.g. an alert in force.
 *
 * @param label    short kind of the message, already translated (e.g. 避難指示)
 * @param text     the message itself
 * @param textLang the BCP 47 language of {@code text} when it differs from the page's, else null
 * @param href     where the whole message is read
 * @param urgent   shown in the strongest style (an order to act), otherwise as information
 * @param tone     a style of its own the layout gives it as the class {@code banner-<tone>} (e.g.
 *                 {@code level-4}, an alert level's official colour), or null
 */
public record Banner(String label, String text, String textLang, String href, boolean urgent, String tone) {

    /** A module that has banners to show provides one of these as a bean. */
    public interface Source {

        java.util.List<Banner> current(SiteLanguage language);
    }
}
