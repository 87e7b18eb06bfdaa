package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On the database the suite runs on (H2, then PostgreSQL), every foreign key has an index that begins
 * with its columns, so that a row's dependants are found without reading their whole table.
 */
@QuarkusTest
class ForeignKeyIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyForeignKeyIsTheBeginningOfAnIndex() throws Exception {
        List<String> unindexed = new ArrayList<>();
        int keys = 0;
        try (Connection db = dataSource.getConnection()) {
            DatabaseMetaData meta = db.getMetaData();
            try (ResultSet tables = meta.getTables(null, db.getSchema(), "%", new String[] { "TABLE" })) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    List<List<String>> indexes = indexes(meta, db.getSchema(), table);
                    for (List<String> key : foreignKeys(meta, db.getSchema(), table)) {
                        keys++;
                        if (indexes.stream().noneMatch(index -> index.size() >= key.size() && index.subList(0, key.size()).equals(key))) {
                            unindexed.add(table + " " + key);
                        }
                    }
                }
            }
        }
        assertTrue(keys >= 25, "the schema's foreign keys were read: " + keys);
        assertEquals(List.of(), unindexed, "foreign keys no index begins with");
    }

    /** Each foreign key's columns, in the key's order. */
    private static List<List<String>> foreignKeys(DatabaseMetaData meta, String schema, String table) throws Exception {
        Map<String, TreeMap<Short, String>> keys = new TreeMap<>();
        try (ResultSet key = meta.getImportedKeys(null, schema, table)) {
            while (key.next()) {
                keys.computeIfAbsent(key.getString("FK_NAME"), name -> new TreeMap<>())
                        .put(key.getShort("KEY_SEQ"), key.getString("FKCOLUMN_NAME").toLowerCase());
            }
        }
        return keys.values().stream().map(columns -> List.copyOf(columns.values())).toList();
    }

    /** Each index's columns, in the index's order. */
    private static List<List<String>> indexes(DatabaseMetaData meta, String schema, String table) throws Exception {
        Map<String, TreeMap<Short, String>> indexes = new TreeMap<>();
        try (ResultSet column = meta.getIndexInfo(null, schema, table, false, false)) {
            while (column.next()) {
                if (column.getString("INDEX_NAME") != null && column.getString("COLUMN_NAME") != null) {
                    indexes.computeIfAbsent(column.getString("INDEX_NAME"), name -> new TreeMap<>())
                            .put(column.getShort("ORDINAL_POSITION"), column.getString("COLUMN_NAME").toLowerCase());
                }
            }
        }
        return indexes.values().stream().map(columns -> List.copyOf(columns.values())).toList();
    }
}
