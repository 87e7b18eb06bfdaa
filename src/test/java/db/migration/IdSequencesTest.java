package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** The ids sequences hand out start above the ids a database in use already holds. */
class IdSequencesTest {

    @Test
    void eachSequencesFirstBlockLiesAboveTheLargestIdOfItsTable() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:id-sequences;DB_CLOSE_DELAY=-1", "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE registration (id BIGINT PRIMARY KEY)");
            sql.execute("CREATE TABLE booking (id BIGINT PRIMARY KEY)");
            sql.execute("CREATE TABLE outbox_mail (id BIGINT PRIMARY KEY)");
            sql.execute("INSERT INTO registration VALUES (1), (7), (1234)");
            sql.execute("INSERT INTO booking VALUES (3)");

            new V10__Id_sequences().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return db;
                }
            });

            // Hibernate takes each value a sequence gives as the top of a block of STEP ids.
            assertTrue(firstBlockStart(sql, "registration_seq") > 1234);
            assertTrue(firstBlockStart(sql, "booking_seq") > 3);
            assertTrue(firstBlockStart(sql, "outbox_mail_seq") >= 1);
            long first = nextValue(sql, "booking_seq");
            assertEquals(V10__Id_sequences.STEP, nextValue(sql, "booking_seq") - first, "one block after another");
        }
    }

    private static long firstBlockStart(Statement sql, String sequence) throws Exception {
        return nextValue(sql, sequence) - V10__Id_sequences.STEP + 1;
    }

    private static long nextValue(Statement sql, String sequence) throws Exception {
        try (ResultSet row = sql.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
            row.next();
            return row.getLong(1);
        }
    }
}
