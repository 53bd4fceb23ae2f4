package org.jds.node.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jds.datastore.DatastoreIOException;

/**
 * The repo's small files, named as in Kubo (spec §2.1), and the one way they are written: a temp
 * file beside the target, fsync, atomic rename, fsync of the directory, so a crash leaves the old or
 * the new file, never a torn one.
 */
public final class RepoFiles {
  public static final String CONFIG = "config";
  /** Compact JSON disk spec, no trailing newline (Kubo). */
  public static final String DATASTORE_SPEC = "datastore_spec";
  /** The repo version as decimal text plus a newline. */
  public static final String VERSION = "version";
  /** Kubo v0.43.1's fs-repo version; jds repos carry the same. */
  public static final int REPO_VERSION = 18;

  private RepoFiles() {}

  /** Writes {@code text} to {@code dir/name} atomically and durably. */
  public static void write(Path dir, String name, String text) throws DatastoreIOException {
    Path target = dir.resolve(name);
    Path tmp = dir.resolve("." + name + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
    } catch (IOException e) {
      throw new DatastoreIOException("writing " + target + ": " + e.getMessage(), e);
    }
  }

  /** The text of {@code dir/name}, or null when the file does not exist. */
  public static String read(Path dir, String name) throws DatastoreIOException {
    Path f = dir.resolve(name);
    try {
      return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new DatastoreIOException("reading " + f + ": " + e.getMessage(), e);
    }
  }
}
