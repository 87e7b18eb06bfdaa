package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What a text opened of the marks that turn text around is closed where it ends, as the Unicode algorithm pairs them. */
class DirectionMarksTest {

    private static final String RLO = "\u202E", RLE = "\u202B", LRO = "\u202D", PDF = "\u202C";
    private static final String RLI = "\u2067", FSI = "\u2068", PDI = "\u2069";

    @Test
    void anOverrideLeftOpenIsClosedWhereTheTextEnds() {
        assertEquals(RLO + "Jean" + PDF, DirectionMarks.closed(RLO + "Jean"));
        assertEquals("Maison " + RLE + "abc" + PDF, DirectionMarks.closed("Maison " + RLE + "abc"));
        assertEquals(RLI + "مركز" + PDI, DirectionMarks.closed(RLI + "مركز"), "an isolate");
    }

    @Test
    void whatIsOpenIsClosedInnermostFirst() {
        assertEquals(FSI + "a" + RLO + "b" + PDF + PDI, DirectionMarks.closed(FSI + "a" + RLO + "b"));
        assertEquals(RLO + "a" + RLI + "b" + PDI + PDF, DirectionMarks.closed(RLO + "a" + RLI + "b"));
        assertEquals(RLE + "a" + LRO + "b" + PDF + "c" + PDF, DirectionMarks.closed(RLE + "a" + LRO + "b" + PDF + "c"),
                "the override closed by the text, the embedding around it left open");
    }

    @Test
    void aTextThatClosesWhatItOpensIsLeftAsItIs() {
        String balanced = "Jean " + RLO + "abc" + PDF + " Dupont " + RLI + "مركز" + PDI;
        assertSame(balanced, DirectionMarks.closed(balanced));
        String plain = "Jérôme « Dupont » مركز";
        assertSame(plain, DirectionMarks.closed(plain));
        assertNull(DirectionMarks.closed(null));
        // An isolate's closing mark closes the embeddings opened inside it too.
        assertSame(RLI + "a" + RLO + "b" + PDI, DirectionMarks.closed(RLI + "a" + RLO + "b" + PDI));
    }

    @Test
    void aClosingMarkThatClosesNothingOfTheTextsOwnStaysAndClosesNothingElse() {
        assertSame(PDF + "Jean" + PDI, DirectionMarks.closed(PDF + "Jean" + PDI));
        // Inside an isolate, a PDF does not close the override opened before it.
        assertEquals(RLO + "a" + RLI + "b" + PDF + PDI + PDF, DirectionMarks.closed(RLO + "a" + RLI + "b" + PDF));
    }

    @Test
    void closingTwiceChangesNothingMore() {
        String once = DirectionMarks.closed(RLO + "a" + FSI + "b" + RLE + "c");
        assertEquals(RLO + "a" + FSI + "b" + RLE + "c" + PDF + PDI + PDF, once);
        assertSame(once, DirectionMarks.closed(once));
    }
}
