package org.relais.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network's facts as the project ships them in {@code vivre-ensemble.json}: institution
 * kinds, charter commitments, relay sectors and roles, members, guests and past editions.
 */
@ApplicationScoped
public class NetworkReference {

    /** A key with its French and English words. */
    public record Term(String key, String fr, String en) {
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : fr;
        }
    }

    public record Member(String slug, String name, String shortName, String kind, boolean pilot, String note) {
    }

    public record Guest(String slug, String name, String kind, int edition) {
    }

    public record PastEdition(int number, int year, String host, String month, String date, String opens, String closes,
            String venue, Map<String, String> theme, Integer institutions, Integer relaysExpected,
            List<String> programmeKinds) {
    }

    public record Network(String name, String founded, String pilot, String region, List<String> aims,
            Integer visitorsPerYear, List<Term> charter) {
    }

    public record Data(String about, Network network, List<Term> relaySectors, List<Term> relayRoles,
            List<String> institutionKinds, List<Member> institutions, List<Guest> guests, List<PastEdition> editions) {
    }

    private final Data data;
    private final List<Term> sectors;
    private final List<Term> roles;
    private final List<Term> charter;

    public NetworkReference() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = NetworkReference.class.getResourceAsStream("/vivre-ensemble.json")) {
            data = mapper.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled vivre-ensemble.json cannot be read", e);
        }
        // Sectors and roles are shown on their own (a choice in a list, a value in a table), so with a
        // capital, as the other choices beside them; the commitments are read within a sentence, so as written.
        sectors = typeset(data.relaySectors(), true);
        roles = typeset(data.relayRoles(), true);
        charter = typeset(data.network().charter(), false);
    }

    /** The words as a page sets them: a typographic apostrophe (l’hôpital), and a capital when shown on their own. */
    private static List<Term> typeset(List<Term> terms, boolean capital) {
        return terms.stream().map(t -> new Term(t.key(), typeset(t.fr(), Locale.FRENCH, capital),
                typeset(t.en(), Locale.ENGLISH, capital))).toList();
    }

    private static String typeset(String words, Locale locale, boolean capital) {
        String curly = words.replace('\'', '\u2019');
        return capital && !curly.isEmpty() ? curly.substring(0, 1).toUpperCase(locale) + curly.substring(1) : curly;
    }

    public Data data() {
        return data;
    }

    public List<String> institutionKinds() {
        return data.institutionKinds();
    }

    public List<Term> charter() {
        return charter;
    }

    public List<String> charterKeys() {
        return charter().stream().map(Term::key).toList();
    }

    public List<Term> relaySectors() {
        return sectors;
    }

    public List<Term> relayRoles() {
        return roles;
    }

    /** The words for a sector, role or commitment key in that language; the key itself when unknown. */
    public static String label(List<Term> terms, String key, Locale locale) {
        return terms.stream().filter(t -> t.key().equals(key)).findFirst().map(t -> t.label(locale))
                .orElse(key == null ? "" : key);
    }

    public Optional<Term> charterTerm(String key) {
        return charter().stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
