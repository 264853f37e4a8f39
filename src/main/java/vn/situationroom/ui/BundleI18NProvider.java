package vn.situationroom.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.situationroom.region.Region;

/**
 * The UI's texts from {@code vaadin-i18n/translations*.properties}: Vietnamese in the base file, English in
 * {@code _en}. Unlike the JDK's default lookup, a missing language falls back to Vietnamese, never to the server's
 * own locale. In a region above the districts (a province, the country) a key's {@code <key>@province} text is used
 * where there is one: the reception office above the communes is then the province's, not a district's.
 */
@Component
public class BundleI18NProvider implements I18NProvider {

    /** The language of the product's users. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The suffix of a text for a region above the districts. */
    static final String PROVINCE_VARIANT = "@province";

    private final boolean aboveDistricts;

    /** The texts of a district (and of a region without units). */
    public BundleI18NProvider() {
        this(false);
    }

    /** The texts for the region the app watches. */
    @Autowired
    public BundleI18NProvider(Region region) {
        this(region.aboveDistricts());
    }

    private BundleI18NProvider(boolean aboveDistricts) {
        this.aboveDistricts = aboveDistricts;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(VIETNAMESE, Locale.ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
            String pattern = aboveDistricts && bundle.containsKey(key + PROVINCE_VARIANT)
                    ? bundle.getString(key + PROVINCE_VARIANT)
                    : bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
