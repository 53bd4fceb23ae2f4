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
 * drives live in a temp dir, removed after the class.
 */
public final class MinioExtension implements BeforeAllCallback, AfterAllCallback {
  private final String[] buckets;
  private Path dir;
  private Minio minio;

  public MinioExtension(String... buckets) {
    this.buckets = buckets.clone();
  }

  /** The running server (between beforeAll and afterAll). */
  public Minio minio() {
    return minio;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("jds-minio");
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
