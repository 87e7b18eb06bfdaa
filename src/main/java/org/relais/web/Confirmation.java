package org.relais.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Asking before what cannot be undone, in a browser without JavaScript too. A form that says
 * {@code data-confirm} is asked about in a dialog by {@code relais.js}, which then sends it with
 * {@code confirmed=yes}; sent without it (no JavaScript), the handler of one that cannot be undone
 * (a relay's or an organiser's cancellation, an erasure, a removal from a session, a session's
 * deletion, a hall laid out again, a status move, a draft's deletion, a stand's contact removed)
 * answers this page, which asks the same question and sends the form again, confirmed.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** A field the form held, sent again with it. */
    public record Field(String name, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String question, String action, String button, String back, List<Field> fields);
    }

    /** Whether the person said yes, in the dialog or on the page. */
    public static boolean given(String confirmed) {
        return "yes".equals(confirmed);
    }

    /**
     * The page that asks {@code question}: a button, labelled as the form's own, sends the form to
     * {@code action} again with its {@code fields}, confirmed; a link leads {@code back}.
     */
    public static TemplateInstance ask(String question, String action, String button, String back, List<Field> fields) {
        return Templates.page(question, action, button, back, fields);
    }

    /** The page that asks {@code question} about a form that held nothing but its button, as an answer. */
    public static Response asking(String question, String action, String button, String back) {
        return Response.ok(ask(question, action, button, back, List.of())).build();
    }
}
