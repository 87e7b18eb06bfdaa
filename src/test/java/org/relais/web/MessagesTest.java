package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a person reads exists in French and in English. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name);
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void aSessionsLanguageCodeReadsAsWords() {
        java.util.Locale fr = java.util.Locale.FRENCH;
        assertEquals("français", Messages.languageName(fr, "fr"));
        assertEquals("français + langue des signes française", Messages.languageName(fr, "fr-lsf"));
        assertEquals("français + anglais", Messages.languageName(fr, "fr-en"));
        // a region, as BCP 47 writes it, read as "français + FR" before
        assertEquals("français (France)", Messages.languageName(fr, "fr-FR"));
        assertEquals("English (United Kingdom)", Messages.languageName(java.util.Locale.ENGLISH, "en-GB"));
        assertEquals("Spanish (Latin America)", Messages.languageName(java.util.Locale.ENGLISH, "es-419"));
        assertEquals("français", Messages.languageName(fr, "fr-fr"));
        assertEquals("xx + QQ", Messages.languageName(fr, "xx-QQ")); // unknown: as written
    }

    @Test
    void datesAreWrittenOutWithTheDayBeforeTheMonth() {
        java.time.LocalDate forum = java.time.LocalDate.of(2018, 2, 6);
        assertEquals("mardi 6 février 2018", Messages.longDate(forum, Messages.FRENCH));
        assertEquals("Tuesday, 6 February 2018", Messages.longDate(forum, Messages.ENGLISH));
        assertEquals("Tuesday, 6 February 2018", Messages.longDate(forum, java.util.Locale.US), "whatever the reader's country");
        assertEquals("", Messages.longDate(null, Messages.ENGLISH));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> fr = new TreeSet<>(load("messages_fr.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> onlyFr = new TreeSet<>(fr);
        onlyFr.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(fr);
        assertEquals(Set.of(), onlyFr, "keys missing in English");
        assertEquals(Set.of(), onlyEn, "keys missing in French");
    }

    @Test
    void everyKeyATemplateOrTheCodeUsesExists() throws IOException {
        Set<String> keys = load("messages_fr.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("\\{m:([a-zA-Z_]+)[}(]");
        Pattern inCode = Pattern.compile("\"((?:error|problem|conflict)_[a-z_]*[a-z])\"");
        for (Path root : new Path[] {Path.of("src/main/resources/templates"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = (file.toString().endsWith(".html") ? inTemplates : inCode).matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1);
                        if (!java.util.Set.of("get", "getWith", "kind", "sector", "role", "of", "spoken").contains(key) && !keys.contains(key)) {
                            missing.add(key + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void enumValuesAndKindsHaveWords() throws IOException {
        Set<String> keys = load("messages_fr.properties").stringPropertyNames();
        for (Class<? extends Enum<?>> type : java.util.List.of(org.relais.edition.EditionStatus.class,
                org.relais.venue.SpaceKind.class, org.relais.programme.SessionKind.class,
                org.relais.programme.Conflict.Kind.class, org.relais.badge.BadgeRole.class,
                org.relais.venue.ObstacleKind.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertTrue(keys.contains(type.getSimpleName() + "_" + value.name()), value.toString());
            }
        }
        for (org.relais.print.SheetLayout layout : org.relais.print.SheetLayout.all()) {
            assertTrue(keys.contains("layout_" + layout.id()), layout.id());
        }
        for (String kind : new org.relais.network.NetworkReference().institutionKinds()) {
            assertTrue(keys.contains("kind_" + kind), kind);
        }
    }

    /**
     * French sets a space before : ; ? ! and inside « »; a non-breaking one, so that a narrow screen
     * never starts a line with the colon or leaves the closing » alone on it.
     */
    @Test
    void frenchPunctuationKeepsToItsWord() throws IOException {
        Properties fr = load("messages_fr.properties");
        Pattern breakable = Pattern.compile(" [:;?!»]|« ");
        Set<String> wrong = new TreeSet<>();
        for (String key : fr.stringPropertyNames()) {
            if (breakable.matcher(fr.getProperty(key)).find()) {
                wrong.add(key);
            }
        }
        assertEquals(Set.of(), wrong, "French messages with an ordinary space where a non-breaking one (U+00A0) belongs");
        assertEquals("Supprimer «\u00a0Hall\u00a0»\u00a0? On ne peut pas revenir en arrière.",
                Messages.get(Messages.FRENCH, "delete_confirm", "Hall"));
    }

    /** English quotes a name in curly quotation marks and writes its apostrophes curly, as the French texts do. */
    @Test
    void englishQuotesAndApostrophesAreCurly() throws IOException {
        Properties en = load("messages.properties");
        Set<String> wrong = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (en.getProperty(key).matches("(?s).*['\"].*")) {
                wrong.add(key);
            }
        }
        assertEquals(Set.of(), wrong, "English messages with a straight quotation mark or apostrophe");
    }

    @Test
    void argumentsAreFormattedAndApostrophesKept() {
        assertEquals("Le 2030-02-09 n’est pas un jour de cette édition.",
                Messages.get(Messages.FRENCH, "error_day_not_in_edition", "2030-02-09"));
        assertEquals("Le samedi 9 février 2030 n’est pas un jour de cette édition.",
                Messages.get(Messages.FRENCH, "error_day_not_in_edition", java.time.LocalDate.parse("2030-02-09")));
        assertEquals("“A” is on Saturday, 9 February 2030, which is not a day of the forum.",
                Messages.get(Messages.ENGLISH, "conflict_not_a_forum_day", "A", java.time.LocalDate.parse("2030-02-09")));
        assertEquals("“A” runs outside the forum’s hours (10:00–16:00).",
                Messages.get(Messages.ENGLISH, "conflict_outside_hours", "A", "10:00", "16:00"));
    }
}
