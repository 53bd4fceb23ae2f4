package org.jds.blobfs;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Locates ../shared from the repository root and unpacks gzipped images sparsely. */
public final class Fixtures {
  private Fixtures() {}

  public static Path repoRoot() {
    String p = System.getProperty("jds.root");
    if (p != null && !p.isBlank() && Files.isDirectory(Paths.get(p))) return Paths.get(p).toAbsolutePath();
    Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path c = d; c != null; c = c.getParent()) {
      if (Files.exists(c.resolve(".git")) || Files.exists(c.resolve("blobfs-backend"))) return c;
    }
    return d;
  }

  /** A fixture file; missing is a failure under CI=true and a skip otherwise. */
  public static Path fixture(String dir, String name) {
    Path f = repoRoot().resolve("../shared/fixtures").resolve(dir).resolve(name).normalize();
    if (!Files.exists(f)) {
      if ("true".equals(System.getenv("CI"))) fail("missing fixture " + f);
      assumeTrue(false, "fixture not present: " + f);
    }
    return f;
  }

  /** Gunzips {@code gz} into {@code dir}, leaving all-zero 64 KiB runs as holes. */
  public static Path gunzip(Path gz, Path dir) throws IOException {
    String n = gz.getFileName().toString().replaceFirst("\\.gz$", "");
    Path out = dir.resolve(n);
    byte[] buf = new byte[65536];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
        RandomAccessFile raf = new RandomAccessFile(out.toFile(), "rw")) {
      long pos = 0;
      while (true) {
        int got = in.readNBytes(buf, 0, buf.length);
        if (got <= 0) break;
        boolean zero = true;
        for (int i = 0; i < got && zero; i++) zero = buf[i] == 0;
        if (!zero) {
          raf.seek(pos);
          raf.write(buf, 0, got);
        }
        pos += got;
      }
      raf.setLength(pos);
    }
    return out;
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
