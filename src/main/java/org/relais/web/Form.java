package org.relais.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a person typed into a page's form, read into typed values. Every value is kept as typed
 * so that the form can be shown again with each wrong field marked.
 */
public final class Form {

    /** The hidden field that carries what an edit form held when it was opened ({@link #remembered()}). */
    static final String SEEN = "seen";

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> multi = new HashMap<>();
    private final Map<String, Object> shown = new HashMap<>();
    private final Errors errors = new Errors();
    /** What changed elsewhere about a field ({@link #failIfChangedMeanwhile}): said under it, not an error. */
    private final Map<String, String> notes = new HashMap<>();

    public Form() {
    }

    /**
     * A form as a browser sent it. A browser sends every line end of a text area as CRLF; it is read
     * as one line feed, as the API takes it, so that a text keeps one form whichever way it came (and
     * its length is counted in the characters a person typed). The direction marks a value left open
     * are closed where it ends ({@link DirectionMarks}), as the API's are.
     */
    public Form(MultivaluedMap<String, String> submitted) {
        submitted.forEach((name, sent) -> {
            List<String> list = sent.stream()
                    .map(v -> v == null ? null : DirectionMarks.closed(v.replace("\r\n", "\n").replace('\r', '\n'))).toList();
            multi.put(name, list);
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
    }

    /** A form filled from saved values, to edit them. */
    public Form with(String name, Object value) {
        if (value instanceof LocalDate) {
            shown.put(name, value); // written out as the reader reads a day
        }
        if (value != null) {
            values.put(name, value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString());
        }
        return this;
    }

    /** As {@link #with(String, Object)}, with the words a person reads for it (a name for an id, a label for a kind). */
    public Form with(String name, Object value, Object words) {
        if (value != null && words != null) {
            shown.put(name, words);
        }
        return with(name, value);
    }

    public Form withAll(String name, List<String> list) {
        multi.put(name, list);
        return this;
    }

    /** As {@link #withAll(String, List)}, with the words a person reads for the whole list. */
    public Form withAll(String name, List<String> list, String words) {
        shown.put(name, words);
        return withAll(name, list);
    }

    /**
     * Keeps, in the hidden field {@code seen} the page sends back, a short fingerprint of each field as
     * the form was opened: a save can then tell what was changed elsewhere meanwhile
     * ({@link #failIfChangedMeanwhile}). The form of stored values calls it last.
     */
    public Form remembered() {
        values.put(SEEN, fingerprints());
        return this;
    }

    /**
     * Before a save over stored values, {@code now} being the form as it would open now: when it was
     * saved elsewhere since this form was opened (someone else, another tab, the API), nothing is
     * saved and the form comes again (409). The fields changed only elsewhere show their new value;
     * those changed on both sides keep what was typed here, with the other value in words; each is
     * marked. Saving again then saves what the form shows. A form sent
     * without {@code seen}, or with it blank (a script), is not checked.
     */
    public void failIfChangedMeanwhile(Form now) {
        String seen = text(SEEN);
        if (seen == null) {
            return;
        }
        Map<String, String> before = new HashMap<>();
        for (String pair : seen.split(" ")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0) {
                before.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.names());
        String empty = fingerprint("");
        boolean changed = false;
        for (String name : names) {
            String opened = before.getOrDefault(name, empty);
            String theirs = fingerprint(now.comparable(name));
            String mine = fingerprint(comparable(name));
            if (theirs.equals(opened) || theirs.equals(mine)) {
                continue; // not changed elsewhere, or changed the same way
            }
            changed = true;
            if (mine.equals(opened)) {
                take(name, now);
                notes.put(name, Messages.get("changed_meanwhile_taken"));
            } else if (now.comparable(name).isEmpty()) {
                notes.put(name, Messages.get("changed_meanwhile_emptied"));
            } else {
                notes.put(name, Messages.get("changed_meanwhile_both", now.words(name)));
            }
        }
        values.put(SEEN, now.fingerprints());
        if (changed) {
            throw new ConflictException("conflict_changed_meanwhile");
        }
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>(values.keySet());
        names.addAll(multi.keySet());
        names.remove(SEEN);
        return names;
    }

    private String fingerprints() {
        StringBuilder all = new StringBuilder();
        for (String name : names()) {
            all.append(all.length() == 0 ? "" : " ").append(name).append(':').append(fingerprint(comparable(name)));
        }
        return all.toString();
    }

    /** A field's value as two saves compare it: a list in any order, a box left unticked. */
    private String comparable(String name) {
        List<String> list = multi.get(name);
        String value = list != null ? String.join("\0", new TreeSet<>(list)) : values.getOrDefault(name, "");
        String plain = value.strip();
        return "false".equals(plain) ? "" : "on".equals(plain) ? "true" : plain;
    }

    private Object words(String name) {
        List<String> list = multi.get(name);
        return shown.getOrDefault(name, list != null ? String.join(", ", list) : values.getOrDefault(name, ""));
    }

    /** Takes a field's value from another form, as it holds it. */
    private void take(String name, Form other) {
        values.remove(name);
        multi.remove(name);
        if (other.values.containsKey(name)) {
            values.put(name, other.values.get(name));
        }
        if (other.multi.containsKey(name)) {
            multi.put(name, other.multi.get(name));
        }
    }

    private static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    // For templates.

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean hasValue(String name) {
        return values.containsKey(name);
    }

    /** The value of a field named by a prefix and an id ({@code x-12}), for repeated rows in templates. */
    public String valueOf(String prefix, Object id) {
        return value(prefix + id);
    }

    public boolean checkedOf(String prefix, Object id) {
        return checked(prefix + id);
    }

    public boolean checked(String name) {
        String value = values.get(name);
        return "true".equals(value) || "on".equals(value);
    }

    public boolean selected(String name, Object option) {
        return option != null && (option.toString().equals(values.get(name))
                || multi.getOrDefault(name, List.of()).contains(option.toString()));
    }

    /** The name of one object's field in a list of them: {@code x-12}, stand 12's x. */
    public String nameOf(String prefix, Object id) {
        return prefix + id;
    }

    /** The name of a field in a repeated row, as services name it: {@code days.0.date}. */
    public String name(String list, int index, String field) {
        return list + "." + index + "." + field;
    }

    public String error(String name) {
        return errors.asMap().get(name);
    }

    /** What changed elsewhere about a field since the form was opened, in words; null when nothing did. */
    public String note(String name) {
        return notes.get(name);
    }

    /** Whether the form came again because what it edits was changed elsewhere meanwhile. */
    public boolean changedElsewhere() {
        return !notes.isEmpty();
    }

    /**
     * For a control whose field is wrong, the attributes that tie it to its message (the
     * {@code tags/fielderror} tag, id {@code e-name}): a screen reader says "invalid" and reads the
     * message on the control itself. A field changed elsewhere has its note read the same way, but
     * is not invalid. Nothing when the field is right.
     */
    public RawString aria(String name) {
        return new RawString(error(name) != null ? " aria-invalid=\"true\" aria-describedby=\"e-" + name + "\""
                : note(name) != null ? " aria-describedby=\"e-" + name + "\"" : "");
    }

    /** The same for a group of boxes (a fieldset): its message read with its legend. */
    public RawString described(String name) {
        return new RawString(error(name) == null && note(name) == null ? "" : " aria-describedby=\"e-" + name + "\"");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Errors errors() {
        return errors;
    }

    // For page resources.

    /**
     * Runs a page's save; when a rule is broken, answers the same page again, with what was typed,
     * each wrong field marked (422) or the clash said at the top (409).
     */
    public Response submit(Supplier<Response> save, Function<String, TemplateInstance> showAgain) {
        try {
            return save.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return Response.status(422).entity(showAgain.apply(null)).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(showAgain.apply(e.localizedMessage())).build();
        }
    }

    /**
     * Throws when the form had values that could not be read (a date that is not a date), adding the
     * service's own checks so that every wrong field is marked at once.
     */
    public void failIfUnreadable(Errors serviceErrors) {
        if (hasErrors()) {
            errors.addAll(serviceErrors);
            throw new InvalidInputException(errors);
        }
    }

    public String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public boolean bool(String name) {
        return checked(name);
    }

    public List<String> all(String name) {
        return multi.getOrDefault(name, List.of());
    }

    public Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, "error_number");
            return null;
        }
    }

    public Long id(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, "error_number");
            return null;
        }
    }

    public BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(name, "error_decimal"); // a length: 2,5 is one
            return null;
        }
    }

    public LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(name, "error_date");
            return null;
        }
    }

    public LocalTime time(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(name, "error_time");
            return null;
        }
    }
}
