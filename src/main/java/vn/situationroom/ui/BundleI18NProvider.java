package vn.situationroom.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The UI's texts from {@code vaadin-i18n/translations*.properties}: Vietnamese in the base file, English in
 * {@code _en}. Unlike the JDK's default lookup, a missing language falls back to Vietnamese, never to the server's
 * own locale.
 */
@Component
public class BundleI18NProvider implements I18NProvider {

    /** The language of the product's users. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(VIETNAMESE, Locale.ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
        try {
            String pattern =
                    ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
