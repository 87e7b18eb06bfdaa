package org.relais.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with one piece of input, field by field, in the reader's language.
 * Services fill it and throw {@link InvalidInputException}; pages and the API show it.
 */
public final class Errors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Records a message for a field; the first message of a field wins. */
    public Errors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, Messages.get(key, args));
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> asMap() {
        return byField;
    }

    public List<FieldError> list() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }

    public Errors addAll(Errors other) {
        other.byField.forEach(byField::putIfAbsent);
        return this;
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidInputException(this);
        }
    }

    // The checks every form and API call shares.

    public String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || showsNothing(trimmed)) {
            if (required) {
                add(field, "error_required");
            }
            return null;
        }
        if (trimmed.length() > max) {
            add(field, "error_too_long", max, trimmed.length());
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "error_control_chars");
        }
        return trimmed;
    }

    /**
     * Whether a text shows nothing: empty, or only spaces that {@link String#strip} keeps (a no-break space
     * pasted from a document) and invisible marks (a zero-width space, a byte-order mark). A name of those is
     * no name: the badge and the lists would show a blank. (Control characters are refused in their own words.)
     */
    private static boolean showsNothing(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /**
     * A text of one line (a name, a title, what a form's single field holds): as {@link #text}, and
     * refused with a line break in it, which would split an e-mail's subject or a badge's name.
     */
    public String line(String field, String value, int max, boolean required) {
        String trimmed = text(field, value, max, required);
        if (trimmed != null && (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0)) {
            add(field, "error_one_line");
        }
        return trimmed;
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            add(field, "error_required");
        }
        return value;
    }

    public Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "error_range", min, max);
        }
        return value;
    }

    public BigDecimal size(String field, BigDecimal value, String max) {
        if (value != null && (value.signum() <= 0 || value.compareTo(new BigDecimal(max)) > 0)) {
            add(field, "error_size", max);
        }
        return value;
    }

    public void order(String startField, LocalTime start, String endField, LocalTime end) {
        if (start != null && end != null && !end.isAfter(start)) {
            add(endField, "error_end_before_start");
        }
    }

    /**
     * A date of a forum or of its registration, in the years 2000 to 2099: a year mistyped (0202, 2207,
     * +20270) is named rather than kept, and every date stays one that calendars and the API write as YYYY-MM-DD.
     */
    public LocalDate forumDate(String field, LocalDate value) {
        if (value != null && (value.getYear() < 2000 || value.getYear() > 2099)) {
            add(field, "error_date_years", 2000, 2099);
        }
        return value;
    }

    public void order(String startField, LocalDate start, String endField, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            add(endField, "error_date_order");
        }
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "error_required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "error_one_of", String.join(", ", names(type.getEnumConstants())));
            return null;
        }
    }

    public String oneOf(String field, String value, Collection<String> allowed, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "error_required");
            }
            return null;
        }
        if (!allowed.contains(value.strip())) {
            add(field, "error_one_of", String.join(", ", allowed));
            return null;
        }
        return value.strip();
    }

    /**
     * An address mail can reach: a name before the {@code @}, as liberal as the providers are ({@code name.@docomo.ne.jp}
     * exists), then a domain as the internet names hosts: two labels or more, each of letters (of any alphabet, for a
     * domain with accents), digits and inner hyphens, the last of letters only (or its ASCII form, {@code xn--p1ai}).
     * {@code name@example.org.} (a sentence's full stop), {@code name@example..org}, {@code name@gmail,co.uk},
     * {@code name@orange.fr_} and {@code name@gmail.c0m} are slips that would keep every mail from the relay.
     */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
            .compile("^[^@\\s<>\"]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?\\.)+"
                    + "(?:\\p{L}[\\p{L}\\p{M}]+|[xX][nN]--[a-zA-Z0-9-]+)$");
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("^https?://[^\\s<>\"]+$");
    /** Digits and the signs that group them; four digits at least, so that {@code ----} is not a number. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern
            .compile("^(?=(?:[^0-9]*[0-9]){4})[+]?[0-9 ().-]{4,30}$");
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public String email(String field, String value, boolean required) {
        String text = text(field, value, 254, required);
        if (text != null && !EMAIL.matcher(text).matches()) {
            add(field, "error_email");
        } else if (text != null && text.substring(0, text.lastIndexOf('@')).chars().anyMatch(c -> c > 127)) {
            // andré@orange.fr, a French keyboard's habit: Relais's mail client does not speak SMTPUTF8, so no
            // server would take it; a domain with accents is sent in its ASCII form (Mails.asciiDomain).
            add(field, "error_email_name_letters");
        }
        return text;
    }

    public String url(String field, String value) {
        String text = text(field, value, 500, false);
        if (text != null && !URL.matcher(text).matches()) {
            add(field, "error_url");
        }
        return text;
    }

    public String phone(String field, String value) {
        String text = text(field, value, 40, false);
        if (text != null && !PHONE.matcher(text).matches()) {
            add(field, "error_phone");
        }
        return text;
    }

    public String slug(String field, String value, boolean required) {
        String text = text(field, value, 80, required);
        if (text != null && !SLUG.matcher(text).matches()) {
            add(field, "error_slug");
        }
        return text;
    }

    /** Lower-case words joined by hyphens, accents dropped: "Cité de la musique" gives "cite-de-la-musique". */
    public static String slugOf(String text) {
        String plain = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return plain.length() > 80 ? plain.substring(0, 80).replaceAll("-+$", "") : plain;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }
}
