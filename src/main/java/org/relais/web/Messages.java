package org.relais.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("messages", FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : Locale.ROOT,
                NO_FALLBACK);
    }

    /**
     * A date written out in the reader's language: "mardi 6 février 2018"; in English with the day
     * before the month, as English is written in Europe ("Tuesday, 6 February 2018"), not in the
     * American order the plain English locale gives.
     */
    public static String longDate(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(FULL_DATE.withLocale(written(locale)));
    }

    /** A date in a list, short, without its year: "mar. 5 févr.", "Tue 5 Feb". */
    public static String shortDate(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("EEE d MMM", written(locale)));
    }

    private static Locale written(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.UK : locale;
    }

    /** Items one after the other with semicolons, as each language sets them ("a ; b" in French, "a; b" in English). */
    public static String semicolons(Locale locale, java.util.Collection<String> items) {
        return String.join(get(locale, "semicolon") + " ", items);
    }

    /**
     * A session's language code in words: "fr" → français; "fr-lsf" → français + langue des signes
     * française (from the language_ messages, else Java's names); a region as BCP 47 writes it, in
     * capitals, qualifies the language before it ("fr-FR" → français (France)); a language said twice
     * is said once; an unknown code as it is.
     */
    public static String languageName(Locale locale, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        List<String> names = new java.util.ArrayList<>();
        for (String part : code.split("[-_+, ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String region = names.isEmpty() ? null : regionName(locale, part);
            if (region != null) {
                names.set(names.size() - 1, names.get(names.size() - 1) + " (" + region + ")");
                continue;
            }
            String key = "language_" + part.toLowerCase(Locale.ROOT);
            String known = get(locale, key);
            String display = Locale.forLanguageTag(part).getDisplayLanguage(locale);
            String name = !known.equals(key) ? known
                    : display.isEmpty() || display.equalsIgnoreCase(part) ? part : display;
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return String.join(" + ", names);
    }

    /** The country or area a region subtag names ("FR", "419"), or null where the part is none. */
    private static String regionName(Locale locale, String part) {
        if (!part.matches("[A-Z]{2}|[0-9]{3}")) {
            return null;
        }
        String name = new Locale.Builder().setRegion(part).build().getDisplayCountry(locale);
        return name.isEmpty() || name.equals(part) ? null : name;
    }

    public static String get(String key, Object... args) {
        return get(current(), key, args);
    }

    /** The words for an enum value, from the key {@code Type_VALUE} ({@code EditionStatus_HELD}). */
    public static String label(Enum<?> value) {
        return get(value.getDeclaringClass().getSimpleName() + "_" + value.name());
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        // A day is written out as the reader reads it ("samedi 9 février 2030"), never as 2030-02-09.
        Object[] written = args.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof LocalDate date) {
                written[i] = longDate(date, locale);
            }
        }
        // Messages never quote on purpose: an apostrophe is an apostrophe.
        return new MessageFormat(pattern.replace("'", "''"), locale).format(written);
    }

    private static final ThreadLocal<Locale> CHOSEN = new ThreadLocal<>();

    /** Runs {@code work} with texts in {@code locale}: e-mails speak the relay's language, not the request's. */
    public static <T> T in(Locale locale, java.util.function.Supplier<T> work) {
        Locale before = CHOSEN.get();
        CHOSEN.set(locale);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CHOSEN.remove();
            } else {
                CHOSEN.set(before);
            }
        }
    }

    /** The language chosen for this piece of work, else the request's; French outside a request. */
    public static Locale current() {
        if (CHOSEN.get() != null) {
            return CHOSEN.get();
        }
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
