package org.relais.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a page's form, read into typed values. Every value is kept as typed
 * so that the form can be shown again with each wrong field marked.
 */
public final class Form {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> multi = new HashMap<>();
    private final Errors errors = new Errors();

    public Form() {
    }

    /**
     * A form as a browser sent it. A browser sends every line end of a text area as CRLF; it is read
     * as one line feed, as the API takes it, so that a text keeps one form whichever way it came (and
     * its length is counted in the characters a person typed).
     */
    public Form(MultivaluedMap<String, String> submitted) {
        submitted.forEach((name, sent) -> {
            List<String> list = sent.stream().map(v -> v == null ? null : v.replace("\r\n", "\n").replace('\r', '\n')).toList();
            multi.put(name, list);
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
    }

    /** A form filled from saved values, to edit them. */
    public Form with(String name, Object value) {
        if (value != null) {
            values.put(name, value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString());
        }
        return this;
    }

    public Form withAll(String name, List<String> list) {
        multi.put(name, list);
        return this;
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

    /**
     * For a control whose field is wrong, the attributes that tie it to its message (the
     * {@code tags/fielderror} tag, id {@code e-name}): a screen reader says "invalid" and reads the
     * message on the control itself. Nothing when the field is right.
     */
    public RawString aria(String name) {
        return new RawString(error(name) == null ? "" : " aria-invalid=\"true\" aria-describedby=\"e-" + name + "\"");
    }

    /** The same for a group of boxes (a fieldset): its message read with its legend. */
    public RawString described(String name) {
        return new RawString(error(name) == null ? "" : " aria-describedby=\"e-" + name + "\"");
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
