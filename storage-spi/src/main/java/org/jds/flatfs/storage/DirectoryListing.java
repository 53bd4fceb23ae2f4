package org.jds.flatfs.storage;

import java.io.Closeable;

/** A lazy stream of child names, as returned by {@link Storage#list}. One thread at a time. */
public interface DirectoryListing extends Closeable {
  /** The next child name, or null when done. */
  String next() throws StorageException;

  @Override
  void close() throws StorageException;
}
