package org.relais;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: a crash loses nothing that was confirmed. A process writes to the embedded database as Relais opens it
 * (the address in {@code application.properties}, its folder moved to a temporary one), one commit per row, says
 * each row once committed, and dies at once after the last, as a JVM killed does: no shutdown hook, nothing closed.
 * Every row it said committed is there when the database is opened again.
 */
class EmbeddedDatabaseCrashTest {

    private static final int ROWS = 300;

    @TempDir
    Path dir;

    /** Relais's own address for the embedded database, its file in {@code folder}. */
    static String address(Path folder) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = EmbeddedDatabaseCrashTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        String url = settings.getProperty("quarkus.datasource.jdbc.url");
        assertTrue(url.startsWith("jdbc:h2:file:./data/relais;"), url);
        return url.replace("./data/relais", folder.resolve("relais").toString().replace('\\', '/'));
    }

    @Test
    void everyCommitSaidIsThereAfterACrash() throws Exception {
        String url = address(dir);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Writer.class.getName(), url).redirectErrorStream(true).start();
        int said = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    said = Integer.parseInt(line.substring("committed ".length()));
                }
            }
        }
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(9, writer.exitValue(), "halted, as a killed JVM");
        assertEquals(ROWS, said);
        assertEquals(said, rowsAfterwards(url), "rows committed and said so, then lost");
    }

    /** The rows found when the database is opened again: none when even the table is gone. */
    private static int rowsAfterwards(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
            try (ResultSet table = s.executeQuery("select count(*) from information_schema.tables where table_name = 'CRASHED'")) {
                table.next();
                if (table.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet count = s.executeQuery("select count(*) from crashed")) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /** The process that writes and dies: {@code Writer <jdbc address>}. */
    public static final class Writer {

        public static void main(String[] args) throws Exception {
            Connection db = DriverManager.getConnection(args[0], "sa", "");
            try (Statement s = db.createStatement()) {
                s.execute("create table crashed (id int primary key, name varchar(100))");
            }
            db.setAutoCommit(false);
            for (int i = 1; i <= ROWS; i++) {
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("insert into crashed values (" + i + ", 'relais " + i + "')");
                }
                db.commit();
                System.out.println("committed " + i);
            }
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }
}
