package org.jds.s3ds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Minio} per test class, with its buckets made: register it as a static field,
 * {@code @RegisterExtension static final MinioExtension MINIO = new MinioExtension("bucket");}. The
 * drives live in a temp dir, removed after the class; {@link #inMemory} puts them in {@code /dev/shm}.
 */
public final class MinioExtension implements BeforeAllCallback, AfterAllCallback {
  /** Where {@link #inMemory} puts the drives: a tmpfs on Linux. */
  static final Path SHM = Path.of("/dev/shm");
  /** Less usable space than this in {@link #SHM} (a container's 64 MB default) and the drives stay on disk. */
  static final long SHM_MIN_FREE = 512L << 20;

  private final String[] buckets;
  private final boolean inMemory;
  private Path dir;
  private Minio minio;

  public MinioExtension(String... buckets) {
    this(false, buckets);
  }

  private MinioExtension(boolean inMemory, String... buckets) {
    this.inMemory = inMemory;
    this.buckets = buckets.clone();
  }

  /**
   * Drives on a tmpfs ({@code /dev/shm}) when there is one with room, else on disk (said on stdout).
   * MinIO writes every object's metadata with O_DSYNC on each of the four drives, so on a busy disk
   * each PUT and DELETE waits for four synchronous writes; tests of the S3 API rather than of
   * durability run several times faster without them (numbers in s3ds/README.md).
   */
  public static MinioExtension inMemory(String... buckets) {
    return new MinioExtension(true, buckets);
  }

  /** The running server (between beforeAll and afterAll). */
  public Minio minio() {
    return minio;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path shm = inMemory ? shm() : null;
    dir = shm == null ? Files.createTempDirectory("jds-minio") : Files.createTempDirectory(shm, "jds-minio");
    minio = Minio.start(dir);
    for (String b : buckets) {
      minio.createBucket(b);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (minio != null) {
        minio.close();
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static Path shm() {
    try {
      if (Files.isDirectory(SHM) && Files.isWritable(SHM) && Files.getFileStore(SHM).getUsableSpace() >= SHM_MIN_FREE) {
        return SHM;
      }
    } catch (IOException e) {
      // as if absent
    }
    System.out.println("MinIO drives on disk: no writable " + SHM + " with " + (SHM_MIN_FREE >> 20) + " MiB free");
    return null;
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
