package org.jds.blobfs.blobstore;

import java.util.zip.CRC32C;

/** CRC-32C over bytes [0, 4092) of a 4096-byte super block or md page, stored LE at 4092. */
final class Crc {
  static final int COVERED = MdPage.OFF_CRC;

  private Crc() {}

  static int compute(byte[] page) {
    CRC32C c = new CRC32C();
    c.update(page, 0, COVERED);
    return (int) c.getValue();
  }
}
