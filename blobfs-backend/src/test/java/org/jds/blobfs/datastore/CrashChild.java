package org.jds.blobfs.datastore;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;

/**
 * Child JVM of {@link BlobfsCrashTest}: {@code THREADS} threads do synced puts and deletes on
 * {@code blobfs:IMG} until killed. Each thread puts {@code /C<cycle>T<t>N<i>}, and after every
 * put deletes its key from two puts ago. Lines: {@code P key seed} after a put returned, {@code
 * D- key} before a delete starts, {@code D key} after it returned, each appended to a log file
 * with one write(2), which a SIGKILL cannot cut in half.
 */
public final class CrashChild {
  static final int THREADS = 4;

  private CrashChild() {}

  /** 8 bytes of seed, then 100 B .. 16 KiB derived from it. */
  static byte[] value(long seed) {
    Random r = new Random(seed);
    byte[] payload = new byte[100 + r.nextInt(16 * 1024)];
    r.nextBytes(payload);
    return ByteBuffer.allocate(8 + payload.length).putLong(seed).put(payload).array();
  }

  /** The seed of an intact value, or -1. */
  static long seedOf(byte[] v) {
    if (v.length < 9) {
      return -1;
    }
    long seed = ByteBuffer.wrap(v).getLong();
    return Arrays.equals(v, value(seed)) ? seed : -1;
  }

  public static void main(String[] args) throws Exception {
    Path img = Path.of(args[0]);
    int cycle = Integer.parseInt(args[1]);
    FileOutputStream out = new FileOutputStream(args[2], true);
    RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, true);
    say(out, "READY");
    Thread[] ts = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      ts[t] = new Thread(() -> {
        try {
          for (int i = 0; ; i++) {
            String key = "/C" + cycle + "T" + me + "N" + i;
            long seed = ((long) cycle << 40) | ((long) me << 32) | i;
            ds.put(Key.of(key), value(seed));
            say(out, "P " + key + " " + seed);
            if (i >= 2) {
              String old = "/C" + cycle + "T" + me + "N" + (i - 2);
              say(out, "D- " + old);
              ds.delete(Key.of(old));
              say(out, "D " + old);
            }
          }
        } catch (Exception e) {
          e.printStackTrace();
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
  }

  private static void say(FileOutputStream out, String line) throws IOException {
    synchronized (out) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
