package org.relais.badge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relais.print.SheetLayout;
import org.relais.web.Errors;

/** What to print: a layout, the roles wanted, the back side or not, the language of the badges' words. */
public record BadgeRequest(SheetLayout layout, Set<BadgeRole> roles, boolean backs, Locale locale, boolean autoPrint) {

    public BadgeRequest(SheetLayout layout, Set<BadgeRole> roles, boolean backs, Locale locale) {
        this(layout, roles, backs, locale, false);
    }

    /** The same, opening the browser's print dialog as the PDF opens: the door's reprints. */
    public BadgeRequest printing() {
        return new BadgeRequest(layout, roles, backs, locale, true);
    }

    /**
     * Reads the query of a badge download; a wrong layout, role or language is refused naming it.
     * {@code roles} may be repeated or comma-separated; none means every role.
     */
    public static BadgeRequest parse(String layout, List<String> roles, boolean backs, String language) {
        Errors errors = new Errors();
        String layoutId = layout == null || layout.isBlank() ? "a4-8" : layout.strip();
        SheetLayout chosen = SheetLayout.byId(layoutId).orElse(null);
        if (chosen == null) {
            errors.add("layout", "error_unknown_layout", layoutId.length() > 40 ? layoutId.substring(0, 40) : layoutId);
        }
        Set<BadgeRole> wanted = EnumSet.noneOf(BadgeRole.class);
        List<String> parts = new ArrayList<>();
        for (String r : roles == null ? List.<String>of() : roles) {
            if (r != null) {
                for (String p : r.split(",")) {
                    if (!p.isBlank()) {
                        parts.add(p.strip());
                    }
                }
            }
        }
        for (String p : parts) {
            try {
                wanted.add(BadgeRole.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("role", "error_unknown_role", p.length() > 40 ? p.substring(0, 40) : p);
            }
        }
        Locale locale = Locale.FRENCH;
        if (language != null && !language.isBlank()) {
            switch (language.strip().toLowerCase(Locale.ROOT)) {
                case "fr" -> locale = Locale.FRENCH;
                case "en" -> locale = Locale.ENGLISH;
                default -> errors.add("lang", "error_unknown_language");
            }
        }
        errors.throwIfAny();
        return new BadgeRequest(chosen, wanted.isEmpty() ? EnumSet.allOf(BadgeRole.class) : wanted, backs, locale);
    }
}
