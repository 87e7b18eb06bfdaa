package org.relais;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The config folder as Quarkus reads it where Relais is started: ./config/application.properties is
 * loaded; any other file there named application.* or application-* is one Quarkus warns about at every
 * start ("Unrecognized configuration file … check if you are providing the proper extension"), so the
 * documented example lives in a folder of its own.
 */
class ConfigFolderTest {

    @Test
    void theExampleStartsNoWarning() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            List<String> warned = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("application[.-].*") && !name.equals("application.properties")).toList();
            assertEquals(List.of(), warned, "files in config/ that Quarkus would warn about");
        }
        String example = Files.readString(Path.of("config/example/application.properties"));
        assertTrue(example.startsWith("# Copy to config/application.properties"), example);
        assertTrue(example.contains("#relais.admin.email=") && example.contains("#quarkus.mailer.host="), example);
    }
}
