package org.relais.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads, from {@code messages_fr.properties} and {@code messages.properties}
 * (English), in the language of the current request.
 */
public final class Messages {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("messages", FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : Locale.ROOT,
                NO_FALLBACK);
    }

    public static String get(String key, Object... args) {
        return get(current(), key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Messages never quote on purpose: an apostrophe is an apostrophe.
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /** The language of the request being served; French outside a request. */
    public static Locale current() {
        if (Arc.container() != null && Arc.container().requestContext().isActive()) {
            try (InstanceHandle<CurrentLocale> handle = Arc.container().instance(CurrentLocale.class)) {
                if (handle.isAvailable()) {
                    return handle.get().locale();
                }
            }
        }
        return FRENCH;
    }
}
