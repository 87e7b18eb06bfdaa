package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskRoomTest {

    @TempDir
    Path dir;

    @Test
    void theWatchedFolderIsTheEmbeddedDatabasesOnly() {
        Path here = Path.of("").toAbsolutePath();
        assertEquals(here.resolve("data"), DiskRoom.folderOf("jdbc:h2:file:./data/relais;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals(Path.of("/var/lib/relais"), DiskRoom.folderOf("jdbc:h2:/var/lib/relais/db"));
        assertEquals(Path.of(System.getProperty("user.home"), "relais"), DiskRoom.folderOf("jdbc:h2:~/relais/db"));
        assertNull(DiskRoom.folderOf("jdbc:h2:mem:relais-test;DB_CLOSE_DELAY=-1"));
        assertNull(DiskRoom.folderOf("jdbc:h2:tcp://db.example.org/relais"));
        assertNull(DiskRoom.folderOf("jdbc:postgresql://127.0.0.1:5432/relais"), "PostgreSQL refuses a commit it cannot write");
    }

    @Test
    void changesAreRefusedBelowTheLeastRoomReadOnTheRealDisk() throws IOException {
        DiskRoom room = new DiskRoom(dir.resolve("data/not-made-yet"), 1);
        assertTrue(room.room().orElseThrow() > 0, "read through the nearest folder that exists");
        java.nio.file.Files.createDirectories(dir.resolve("data/not-made-yet"));
        assertTrue(room.room().orElseThrow() > 0, "and through the folder once made");
        assertFalse(room.low());
        double megabytes = room.roomInMegabytes();
        assertTrue(megabytes > 0 && megabytes * 1024 * 1024 <= room.room().orElseThrow() && megabytes * 10 == Math.floor(megabytes * 10),
                "to a tenth, rounded down: " + megabytes);
        room.requireAtLeast(Long.MAX_VALUE);
        assertTrue(room.low());
        room.requireAtLeast(0);
        assertFalse(room.low(), "0: never refused");
        DiskRoom none = new DiskRoom((Path) null, Long.MAX_VALUE);
        assertFalse(none.low(), "nothing watched (PostgreSQL, a database in memory)");
        assertTrue(none.room().isEmpty());
    }

    /** Where H2's commit puts the system's words: suppressed by the transaction manager, under two wrappers. */
    @Test
    void aFullDiskIsReadWhereverItsWordsSit() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new RuntimeException("XAException", new IllegalStateException("MVStoreException: Writing to … failed",
                new IOException("No space left on device"))));
        assertTrue(DiskRoom.exhausted(new RuntimeException("Error invoking subclass method", rollback)));
        assertTrue(DiskRoom.exhausted(new RuntimeException(new SQLException("could not extend file", "53100"))), "PostgreSQL's disk full");
        assertFalse(DiskRoom.exhausted(new RuntimeException(new IOException("Connection reset by peer"))));
        assertFalse(DiskRoom.exhausted(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }
}
