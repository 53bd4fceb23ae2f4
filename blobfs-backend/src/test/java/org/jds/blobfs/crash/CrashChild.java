package org.jds.blobfs.crash;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;

/**
 * Child process of {@link CrashSafetyTest}: appends, syncs, renames and deletes files forever,
 * reporting each durable step on stdout, until the parent SIGKILLs it. File content is a
 * deterministic function of the name so the parent can verify any prefix.
 */
public final class CrashChild {
  private CrashChild() {}

  public static byte contentAt(String name, long i) {
    long h = name.hashCode() * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    return (byte) h;
  }

  public static void main(String[] args) throws Exception {
    Path img = Path.of(args[0]);
    Random r = new Random(Long.parseLong(args[1]));
    PrintStream out = new PrintStream(System.out, true);
    PureBlobFileSystem fs = Files.exists(img)
        ? PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512))
        : PureBlobFileSystem.mkfs(FileBlockDevice.create(img, 48 << 20, 512), 65536);
    out.println("READY");
    int next = r.nextInt(1_000_000);
    while (true) {
      List<String> names = new ArrayList<>(fs.list());
      int op = r.nextInt(10);
      if (op == 0 && names.size() > 3) {
        String n = names.get(r.nextInt(names.size()));
        out.println("DELETING " + n);
        fs.deleteFile(n);
        out.println("DELETED " + n);
      } else if (op == 1 && names.size() > 3) {
        String n = names.get(r.nextInt(names.size()));
        // renamed files keep their content stream: the name suffix is dropped by the verifier
        String to = n.contains("~") ? n : n + "~" + r.nextInt(1000);
        if (to.equals(n) || names.contains(to)) continue;
        out.println("RENAMING " + n + " " + to);
        fs.renameFile(n, to);
        out.println("RENAMED " + n + " " + to);
      } else {
        String n = names.isEmpty() || r.nextInt(3) == 0 ? "/c" + (next++) : names.get(r.nextInt(names.size()));
        try (BlobFile f = fs.openFile(n, BlobFileSystem.OPEN_CREATE)) {
          String stream = n.contains("~") ? n.substring(0, n.indexOf('~')) : n;
          long pos = f.length();
          int len = 1 + r.nextInt(r.nextBoolean() ? 5000 : 150_000);
          byte[] b = new byte[len];
          for (int i = 0; i < len; i++) b[i] = contentAt(stream, pos + i);
          try {
            f.write(pos, b, 0, len);
          } catch (BlobfsNoSpaceException e) {
            for (String victim : names.subList(0, Math.min(5, names.size()))) {
              out.println("DELETING " + victim);
              fs.deleteFile(victim);
              out.println("DELETED " + victim);
            }
            continue;
          }
          f.sync();
          out.println("SYNCED " + n + " " + (pos + len));
        }
      }
    }
  }
}
