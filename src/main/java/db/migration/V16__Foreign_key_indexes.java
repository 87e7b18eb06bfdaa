package db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL gets the indexes H2 makes by itself for each foreign key that no index begins with, so
 * that both databases find a row's dependants the same way: a relay's mails (the link asked for
 * again, what Relais keeps about them, the forum's change mail), a relay's notes at the stands, and
 * the rows a deleted session or space leaves. Without them PostgreSQL reads the whole table each
 * time, and {@code outbox_mail} grows by some five rows per relay and forum. In Java because H2
 * already has these indexes: creating them there would keep two of each up to date.
 */
public class V16__Foreign_key_indexes extends BaseJavaMigration {

    private static final List<String> INDEXES = List.of(
            "outbox_registration ON outbox_mail (registration_id)",
            "outbox_session ON outbox_mail (session_id)",
            "stand_lead_registration ON stand_lead (registration_id)",
            "stand_space ON stand (space_id)",
            "session_space ON programme_session (space_id)",
            "session_institution ON programme_session (institution_id)",
            "edition_host ON edition (host_institution_id)",
            "edition_participant_institution ON edition_participant (institution_id)",
            "badge_holder_institution ON badge_holder (institution_id)",
            "account_edition ON account (edition_id)",
            "account_institution ON account (institution_id)");

    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            for (String index : INDEXES) {
                sql.execute("CREATE INDEX " + index);
            }
        }
    }
}
