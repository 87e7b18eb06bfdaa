package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each 409's type names its kind of clash, and docs/api.md lists every kind the code can give, no more. */
class ConflictTypesTest {

    @Test
    void aClashsTypeIsItsKindNamedAfterItsWords() {
        assertEquals("tag:relais,2026:edition-full", new ConflictException("conflict_edition_full").type());
        assertEquals("tag:relais,2026:unknown-session", new ConflictException("error_unknown_session", 16L).type());
        // The forum over: one kind, whichever words say it.
        assertEquals("tag:relais,2026:forum-over", ConflictException.forumOver("conflict_cancel_after_forum").type());
        assertEquals("tag:relais,2026:forum-over", ConflictException.forumOver("conflict_details_closed_early").type());
        assertEquals(Messages.get("conflict_cancel_after_forum"),
                ConflictException.forumOver("conflict_cancel_after_forum").localizedMessage());
    }

    @Test
    void theApiGuideListsEveryKindTheCodeGives() throws IOException {
        Set<String> given = new TreeSet<>();
        Pattern thrown = Pattern.compile("ConflictException\\(\"([a-z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = thrown.matcher(Files.readString(file));
                while (m.find()) {
                    given.add(kind(new ConflictException(m.group(1))));
                }
            }
        }
        // The kinds not written where they are thrown: the database's own refusals, and the forum over.
        given.add(kind(new ConflictException(ErrorMappers.refusal(new SQLException("refused", "23503")))));
        given.add(kind(new ConflictException(ErrorMappers.refusal(new SQLException("refused", "23505")))));
        given.add(ConflictException.FORUM_OVER);
        assertTrue(given.size() > 25, "the kinds are read from the code: " + given);

        String guide = Files.readString(Path.of("docs/api.md"));
        int start = guide.indexOf("## The kinds of 409");
        int end = guide.indexOf("\n## ", start + 1);
        Set<String> documented = new TreeSet<>();
        for (String row : guide.substring(start, end < 0 ? guide.length() : end).split("\n")) {
            if (row.startsWith("| `")) {
                Matcher kinds = Pattern.compile("`([a-z-]+)`").matcher(row.substring(0, row.indexOf(" |", 2)));
                while (kinds.find()) {
                    documented.add(kinds.group(1));
                }
            }
        }
        assertEquals(given, documented);
    }

    private static String kind(ConflictException e) {
        return e.type().substring(Problem.TYPES.length());
    }
}
