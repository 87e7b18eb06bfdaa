package org.relais.registration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A registration as a relay submits it, through the public form or the API. */
public record RegistrationData(String firstName, String lastName, String email, String phone, String organisation,
        String sector, String role, AccessibilityData accessibilityNeeds, String language, Boolean consent,
        List<Long> sessionIds) {

    /**
     * Ticked needs ({@code WHEELCHAIR}, {@code HEARING_LOOP}, {@code SIGN_LANGUAGE}, {@code EASY_READ}) and free
     * text. Clients may also send a plain string (the free text) or a list (the needs).
     */
    public record AccessibilityData(List<String> needs, String notes) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static AccessibilityData from(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                return new AccessibilityData(List.of(), node.asText());
            }
            if (!node.isArray() && !node.isObject()) {
                // A number or a boolean is a mistake, not "no needs": the answer names the field.
                throw new IllegalArgumentException("accessibilityNeeds: needs and notes, a list or a text");
            }
            List<String> needs = new ArrayList<>();
            JsonNode list = node.isArray() ? node : node.path("needs");
            list.forEach(n -> needs.add(n.asText()));
            JsonNode notes = node.path("notes");
            return new AccessibilityData(needs, notes.isTextual() ? notes.asText() : null);
        }
    }
}
