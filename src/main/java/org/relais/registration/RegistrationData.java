package org.relais.registration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A registration as a relay submits it, through the public form or the API. */
public record RegistrationData(String firstName, String lastName, String email, String phone, String organisation,
        String sector, String role, AccessibilityData accessibilityNeeds, String language, Boolean consent,
        List<Long> sessionIds) {

    /**
     * Ticked needs ({@code WHEELCHAIR}, {@code HEARING_LOOP}, {@code SIGN_LANGUAGE}, {@code EASY_READ}) and free
     * text. Clients may also send a plain string (the free text), a list (the needs), or one need as
     * {@code "needs"}'s string. Anything else is refused with its field named, never read as "no needs".
     */
    @JsonDeserialize(using = AccessibilityData.Reader.class)
    public record AccessibilityData(List<String> needs, String notes) {

        static final class Reader extends StdDeserializer<AccessibilityData> {

            private static final List<Object> KEYS = List.of("needs", "notes");

            Reader() {
                super(AccessibilityData.class);
            }

            @Override
            public AccessibilityData deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode node = ctxt.readTree(p);
                if (node.isTextual()) {
                    return new AccessibilityData(List.of(), node.asText());
                }
                if (node.isArray()) {
                    return new AccessibilityData(needs(node), null);
                }
                if (!node.isObject()) {
                    // A number or a boolean is a mistake, not "no needs": the answer names the field.
                    throw MismatchedInputException.from(p, AccessibilityData.class, "needs and notes, a list or a text");
                }
                // {"wheelchair": true} would otherwise register a relay with their need dropped.
                for (var names = node.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!KEYS.contains(name)) {
                        throw UnrecognizedPropertyException.from(p, AccessibilityData.class, name, KEYS);
                    }
                }
                JsonNode needs = node.path("needs");
                JsonNode notes = node.path("notes");
                if (!needs.isMissingNode() && !needs.isNull() && !needs.isArray() && !needs.isTextual()) {
                    throw wrongType(p, "needs");
                }
                if (!notes.isMissingNode() && !notes.isNull() && !notes.isTextual()) {
                    throw wrongType(p, "notes");
                }
                return new AccessibilityData(needs.isTextual() ? List.of(needs.asText()) : needs(needs),
                        notes.isTextual() ? notes.asText() : null);
            }

            private static List<String> needs(JsonNode list) {
                List<String> needs = new ArrayList<>();
                list.forEach(n -> needs.add(n.asText()));
                return needs;
            }

            private static JsonMappingException wrongType(JsonParser p, String field) {
                MismatchedInputException e = MismatchedInputException.from(p, AccessibilityData.class, field);
                e.prependPath(AccessibilityData.class, field);
                return e;
            }
        }
    }
}
