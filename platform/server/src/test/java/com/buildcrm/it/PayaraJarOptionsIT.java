package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts without Payara's data grid (ADR 047). Payara Micro reads {@code
 * noCluster} before {@code noHazelcast} and, when it is set, never looks at the other: the grid
 * then starts as a one-member cluster on every run. So the jar's boot options must say {@code
 * noHazelcast=true} and must not say {@code noCluster=true}.
 */
class PayaraJarOptionsIT {

    @Test
    void theJarTurnsTheDataGridOffWithoutTheOptionThatHidesIt() throws IOException {
        Path jar = Path.of(System.getProperty("buildcrm.jar", "target/buildcrm.jar"));
        Properties options = new Properties();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("MICRO-INF/deploy/payaramicro.properties");
            assertThat(entry).as("Payara Micro's boot options in " + jar).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                options.load(in);
            }
        }
        assertThat(options.getProperty("payaramicro.noHazelcast")).isEqualTo("true");
        assertThat(options.getProperty("payaramicro.noCluster", "false")).isEqualTo("false");
        assertThat(options.getProperty("payaramicro.disablePhoneHome")).isEqualTo("true");
    }
}
