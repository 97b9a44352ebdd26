package com.buildcrm.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources under {@code src/test/resources/fixtures}. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
