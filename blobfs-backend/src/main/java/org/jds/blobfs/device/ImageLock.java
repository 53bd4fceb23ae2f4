package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import org.jds.blobfs.ImageInUseException;
import org.jds.flatfs.storage.LockHolders;

/**
 * The lock every open of an image takes: exclusive for a writer, shared for a reader, never
 * waiting. It is an flock(2) on the device's helper descriptor, so it belongs to that one open: a
 * second open in the same process is refused like one in another process, and closing other
 * descriptors of the file does not drop it. Without native calls it falls back to a record lock on
 * the channel ({@link FileChannel#tryLock}), under which a second read-only open in this process
 * shares the first one's lock.
 */
final class ImageLock {
  private ImageLock() {}

  /**
   * Locks the image until {@code fd} (or, in the fallback, {@code ch}) is closed.
   *
   * @throws ImageInUseException if a writer holds it, or (for a writer) anyone does
   * @throws IOException if the record-lock fallback fails
   */
  static void acquire(Path path, FileChannel ch, int fd, boolean shared) throws IOException {
    int r = NativeIo.tryFlock(fd, shared);
    if (r == NativeIo.LOCKED) {
      return;
    }
    if (r == NativeIo.LOCK_HELD) {
      throw inUse(path, shared, LockHolders.describe(path));
    }
    try {
      if (ch.tryLock(0, Long.MAX_VALUE, shared) == null) {
        throw inUse(path, shared, LockHolders.describe(path));
      }
    } catch (OverlappingFileLockException e) {
      if (!shared) {
        throw inUse(path, false, " (held by this process)");
      }
    }
  }

  private static ImageInUseException inUse(Path path, boolean shared, String holder) {
    return new ImageInUseException(path.toString(), shared
        ? "in use by a writer" + holder + "; read it when the writer has finished"
        : "in use" + holder + "; a writer needs the image alone, stop the other user first");
  }
}
