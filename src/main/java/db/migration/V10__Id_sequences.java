package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Registrations, their bookings and their e-mails take their ids from sequences, 50 at a time, so
 * that Hibernate can send a rush's inserts in JDBC batches: with an identity column it inserts one
 * row at a time, to read each id back. Each sequence starts above the ids already in its table
 * (a database in use keeps its rows as they are); the identity columns stay. In Java because the
 * start depends on the data, and H2 and PostgreSQL say "start after the largest id" differently.
 */
public class V10__Id_sequences extends BaseJavaMigration {

    /** The ids Hibernate takes from one call of a sequence: the entities' {@code allocationSize}. */
    static final int STEP = 50;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (String table : List.of("registration", "booking", "outbox_mail")) {
                long largest;
                try (ResultSet row = sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                    row.next();
                    largest = row.getLong(1);
                }
                // Hibernate takes a value it reads as the top of a block of STEP ids: the first block
                // must lie wholly above the largest id.
                sql.execute("CREATE SEQUENCE " + table + "_seq START WITH " + (largest + 2 * STEP) + " INCREMENT BY " + STEP);
            }
        }
    }
}
