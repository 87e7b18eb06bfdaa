package org.relais.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The words of vivre-ensemble.json as the pages set them: sectors and roles, shown on their own as a
 * choice or a value, begin with a capital as the choices beside them do; the charter's commitments, read
 * within a sentence, keep their small letter; all with the typographic apostrophe.
 */
class NetworkReferenceTest {

    private final NetworkReference reference = new NetworkReference();

    @Test
    void sectorsAndRolesBeginWithACapital() {
        for (NetworkReference.Term term : Stream.concat(reference.relaySectors().stream(), reference.relayRoles().stream())
                .toList()) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String words = term.label(locale);
                assertTrue(Character.isUpperCase(words.codePointAt(0)), term.key() + ": " + words);
                assertTrue(words.indexOf('\'') < 0, term.key() + ": " + words);
            }
        }
        assertEquals("Culture à l’hôpital, santé", NetworkReference.label(reference.relaySectors(), "health", Locale.FRENCH));
        assertEquals("Travailleur social", NetworkReference.label(reference.relayRoles(), "social-worker", Locale.FRENCH));
        assertEquals("Social worker", NetworkReference.label(reference.relayRoles(), "social-worker", Locale.ENGLISH));
        assertEquals("French language learning",
                NetworkReference.label(reference.relaySectors(), "french-language", Locale.ENGLISH));
    }

    @Test
    void theCharterIsReadWithinASentence() {
        assertEquals("un correspondant clairement identifié",
                NetworkReference.label(reference.charter(), "correspondent", Locale.FRENCH));
        assertEquals("des documents de préparation et d’aide à la visite",
                NetworkReference.label(reference.charter(), "documents", Locale.FRENCH));
    }
}
