package org.jds.flatfs.testkit;

import java.io.IOException;
import java.nio.file.Path;
import org.jds.flatfs.storage.Storage;

/**
 * Makes the {@link Storage} every flatfs behaviour test runs on. A backend plugs in by implementing
 * this (with a public no-arg constructor) and naming the class in the system property {@value
 * StorageFactories#PROPERTY}; the flatfs test classes then run unchanged on it.
 */
public interface StorageFactory {
  /**
   * Opens the storage persisted under the host directory {@code hostDir} (created if needed, may
   * hold an image file or be the root itself). Opening the same directory again, also from another
   * JVM, must show the same content.
   */
  Storage open(Path hostDir) throws IOException;

  /**
   * The longest key (without its slash) a store at {@code dsPath} can hold: 250 where a file name
   * element may have 255 bytes (250 + ".data"); flat backends whose limit covers the whole name
   * override it.
   */
  default int maxKeyLength(String dsPath) {
    return 250;
  }

  /** A short name for test output. */
  String name();
}
