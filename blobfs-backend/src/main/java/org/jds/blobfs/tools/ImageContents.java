package org.jds.blobfs.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.ImageInUseException;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.FileBlockDevice;

/**
 * What an existing file or block device holds, for a tool about to overwrite it (mkfs). Read-only:
 * the device is opened read-only (and so locked shared: an image in use by a writer is refused).
 */
public final class ImageContents {
  private static final int CHUNK = 1 << 20;

  private ImageContents() {}

  /**
   * A description of the data on {@code img}, or null if it holds none (empty, or zeros only).
   * A blobstore is described by its bstype, blob count and cluster size; anything else by its
   * number of non-zero bytes (the whole device is read).
   *
   * @throws ImageInUseException if a writer has it open
   * @throws IOException if it cannot be read
   */
  public static String describe(Path img, int blockSize) throws IOException {
    try (FileBlockDevice dev = FileBlockDevice.open(img, true, blockSize)) {
      Blobstore bs = Blobstore.load(dev, null);
      // Blobstore.close would unload; the device is closed once, by the try.
      return String.format("a blobstore (bstype %s, %d blob(s), %d-byte clusters)",
          bs.bstype().isEmpty() ? "none" : bs.bstype(), bs.blobIds().size(), bs.clusterSize());
    } catch (ImageInUseException e) {
      throw e;
    } catch (BlobfsException e) {
      // not a blobstore: count what would be lost, on a new open (a failed load closes its device)
    }
    try (FileBlockDevice dev = FileBlockDevice.open(img, true, blockSize)) {
      long nonZero = nonZeroBytes(dev);
      return nonZero == 0 ? null : nonZero + " bytes of non-zero data (not a blobstore)";
    }
  }

  private static long nonZeroBytes(FileBlockDevice dev) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    long n = 0;
    for (long off = 0; off < dev.size(); off += CHUNK) {
      buf.clear().limit((int) Math.min(CHUNK, dev.size() - off));
      dev.read(off, buf);
      for (int i = 0; i < buf.limit(); i++) {
        if (buf.get(i) != 0) {
          n++;
        }
      }
    }
    return n;
  }
}
