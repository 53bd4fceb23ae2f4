package org.jds.node.transfer;

import org.jds.datastore.DatastoreException;
import org.jds.node.multiformats.Multihash;

/**
 * One block offered by a {@link BlockSource}: its name in the source (for messages), its multihash
 * (null when the name does not decode, with the reason in {@code problem}), and its bytes, read only
 * when asked so that a block the destination already has is skipped without reading it.
 */
public interface SourceBlock {
  /** Where the block is, e.g. {@code QJ/CIQ....data} or {@code section 12 at byte 4096}. */
  String label();

  /** The multihash the block must hash to, or null if the name does not decode. */
  Multihash multihash();

  /** Why {@link #multihash()} is null. */
  String problem();

  /**
   * The block's bytes.
   *
   * @throws DatastoreException if they cannot be read
   */
  byte[] read() throws DatastoreException;

  /** Reads a block's bytes on demand. */
  @FunctionalInterface
  interface Bytes {
    byte[] read() throws DatastoreException;
  }

  /** A block whose bytes come from {@code bytes} when asked. */
  static SourceBlock of(String label, Multihash multihash, String problem, Bytes bytes) {
    return new SourceBlock() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public Multihash multihash() {
        return multihash;
      }

      @Override
      public String problem() {
        return problem;
      }

      @Override
      public byte[] read() throws DatastoreException {
        return bytes.read();
      }
    };
  }
}
