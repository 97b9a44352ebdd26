package com.buildcrm.media;

import java.io.IOException;
import java.io.InputStream;

/** A stored file opened for reading: close it (try-with-resources) once streamed. */
public record MediaContent(StoredMedia media, InputStream stream) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
