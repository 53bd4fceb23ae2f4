package org.jds.node.transfer;

import org.jds.datastore.DatastoreException;

/** A stream of blocks to import. Single consumer; close it. */
public interface BlockSource extends AutoCloseable {
  /**
   * The next block, or null at the end.
   *
   * @throws DatastoreException if the source cannot be read further (a truncated or corrupt CAR, an
   *     unreadable directory): the import stops there
   */
  SourceBlock next() throws DatastoreException;

  /** How many blocks the source holds, or -1 if unknown (for the ETA). */
  long totalBlocks();

  /** The source's size in bytes, or -1 if unknown (an ETA for sources that do not know their count). */
  default long totalBytes() {
    return -1;
  }

  /** Bytes of the source consumed so far (with {@link #totalBytes()}). */
  default long position() {
    return 0;
  }

  /** What the source is, for messages. */
  String describe();

  @Override
  void close() throws DatastoreException;
}
