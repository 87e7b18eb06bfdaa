package org.relais.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** Display helpers for templates: {@code {m:key}} messages, labels of enum values, dates. */
@TemplateExtension
public class TemplateExtensions {

    /** {@code {m:some_key}} or {@code {m:some_key(arg)}}: a message in the reader's language. */
    @TemplateExtension(namespace = "m", matchName = TemplateExtension.ANY)
    static String message(String key, Object... args) {
        return Messages.get(key, args);
    }

    /** {@code {m:get(someKey)}}: a message whose key is computed, e.g. from a kind. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String get(String key) {
        return Messages.get(key);
    }

    /** {@code {m:getWith(someKey, arg)}}: a message whose key is computed, with one argument. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String getWith(String key, Object arg) {
        return Messages.get(key, arg);
    }

    /** {@code {m:of('Accessibility_', need)}}: a message whose key is a prefix and a value. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String of(String prefix, Object value) {
        return Messages.get(prefix + value);
    }

    /** {@code {m:kind(institution.kind)}}: the words for an institution kind. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String kind(String kind) {
        return Messages.get("kind_" + kind);
    }

    /** {@code {m:sector(r.sector)}}: a relay sector's words. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String sector(String key) {
        return org.relais.network.NetworkReference.label(reference().relaySectors(), key, Messages.current());
    }

    private static org.relais.network.NetworkReference reference() {
        return io.quarkus.arc.Arc.container().instance(org.relais.network.NetworkReference.class).get();
    }

    /** {@code {m:spoken(session.language)}}: "en anglais", "in French + French Sign Language". */
    @TemplateExtension(namespace = "m", priority = 10)
    static String spoken(String code) {
        return Messages.get("session_spoken", Messages.languageName(Messages.current(), code));
    }

    /** {@code {m:role(r.role)}}: a relay role's words. */
    @TemplateExtension(namespace = "m", priority = 10)
    static String role(String key) {
        return org.relais.network.NetworkReference.label(reference().relayRoles(), key, Messages.current());
    }


    /** {@code {value.label}}: the words for an enum value, from the key {@code Type_VALUE}. */
    static String label(Enum<?> value) {
        return Messages.label(value);
    }

    static String longDate(LocalDate date) {
        return Messages.longDate(date, Messages.current());
    }

    /** A moment stored, as the reader says it where the forum is held: its day in full and its time. */
    static String moment(java.time.OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        java.time.ZonedDateTime local = ForumZone.current().local(at);
        return Messages.get("moment", local.toLocalDate(), hhmm(local.toLocalTime()));
    }

    /** A moment stored, as its time of day where the forum is held ("10:05"). */
    static String clock(java.time.OffsetDateTime at) {
        return at == null ? "" : hhmm(ForumZone.current().local(at).toLocalTime());
    }

    /** The letters of a text a badge cannot draw ({@code registration.badgeText.unprintable}), "" when it prints whole. */
    static String unprintable(String text) {
        return org.relais.print.Face.missing(text);
    }

    static String hhmm(LocalTime time) {
        return ForumZone.hhmm(time);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    @TemplateExtension(namespace = "page")
    static java.util.Locale locale() {
        return Messages.current();
    }

    /**
     * {@code {page:switchTo('en')}}: the address of the page in that language, as the switch at the top links
     * to it: the query kept (a list's filters, a search), {@code lang} in place of any already there; the
     * part of the page a change landed on ({@code ?at=guests}) kept too, where its message is said.
     */
    @TemplateExtension(namespace = "page")
    static String switchTo(String language) {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        io.vertx.ext.web.RoutingContext rc = arc.requestContext().isActive()
                ? arc.instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent() : null;
        String query = rc == null ? null : rc.request().query();
        StringBuilder kept = new StringBuilder("?");
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang=")) {
                    kept.append(pair).append('&');
                }
            }
        }
        kept.append("lang=").append(language);
        String part = rc == null ? null : Viewer.part(rc.request().getParam("at"));
        return part == null ? kept.toString() : kept.append('#').append(part).toString();
    }

    /** The language of the page, for {@code <html lang>}. */
    @TemplateExtension(namespace = "page")
    static String lang() {
        return Messages.current().getLanguage();
    }
}
