package org.jds.blobfs.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writes and syncs files and is SIGKILLed after a random number of reported durable
 * steps (never after a time), 30 times. After each
 * kill: read-only recovery is idempotent, every synced file is intact (at least its synced length,
 * content exact), a writable reopen plus clean close leaves fsck without findings.
 */
class CrashSafetyTest {
  private static final int CYCLES = 30;
  /** Each child is killed once it has reported between 1 and this many durable steps. */
  private static final int MAX_STEPS_BEFORE_KILL = 40;
  @TempDir Path tmp;
  /** Set env BLOBFS_CRASH_DEBUG=DIR to keep the child log and the image before each verification. */
  static final Path DEBUG = System.getenv("BLOBFS_CRASH_DEBUG") == null ? null : Path.of(System.getenv("BLOBFS_CRASH_DEBUG"));

  @Test
  void syncedFilesSurviveSigkill() throws Exception {
    Path img = tmp.resolve("crash.img");
    Random r = new Random(42);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Map<String, Long> synced = new HashMap<>(); // name -> minimum durable length
    Set<String> uncertain = new HashSet<>(); // names mid delete/rename when killed
    int cycles = 0;
    while (cycles < CYCLES) {
      Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp,
              CrashChild.class.getName(), img.toString(), Long.toString(r.nextLong()))
          .redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      boolean ready = false;
      int steps = 0;
      int killAfter = 1 + r.nextInt(MAX_STEPS_BEFORE_KILL);
      boolean killed = false;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        // After the kill the pipe still holds lines of steps that completed before SIGKILL landed:
        // they are read and applied too, so the model matches what the child really did.
        while ((line = in.readLine()) != null) {
          if (DEBUG != null) Files.writeString(DEBUG.resolve("child.log"), cycles + " " + line + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          if (line.equals("READY")) {
            ready = true;
          } else {
            apply(line, synced, uncertain);
            steps++;
          }
          // Killed after a number of reported steps (an event, not a time), while it goes on.
          if (!killed && steps >= killAfter) {
            p.toHandle().destroyForcibly(); // SIGKILL, keeping our end of the pipe open
            killed = true;
          }
        }
        p.destroyForcibly();
        p.waitFor();
      }
      if (!ready || !killed) throw new AssertionError("child died after " + steps + " steps, exit " + p.exitValue());
      cycles++;
      if (DEBUG != null) Files.copy(img, DEBUG.resolve("before-verify-" + cycles + ".img"), StandardCopyOption.REPLACE_EXISTING);
      verify(img, synced, uncertain);
      uncertain.clear();
    }
    assertEquals(CYCLES, cycles);
  }

  /** Applies one line of the child's protocol to the model of what must be on disk. */
  private static void apply(String line, Map<String, Long> synced, Set<String> uncertain) {
    String[] f = line.split(" ");
    switch (f[0]) {
      case "SYNCED" -> synced.merge(f[1], Long.parseLong(f[2]), Math::max);
      case "DELETING" -> uncertain.add(f[1]);
      case "DELETED" -> {
        uncertain.remove(f[1]);
        synced.remove(f[1]);
      }
      case "RENAMING" -> {
        uncertain.add(f[1]);
        uncertain.add(f[2]);
      }
      case "RENAMED" -> {
        uncertain.remove(f[1]);
        uncertain.remove(f[2]);
        Long len = synced.remove(f[1]);
        if (len != null) synced.put(f[2], len);
        else synced.remove(f[2]);
      }
      default -> throw new AssertionError("unexpected child output " + line);
    }
  }

  private static void verify(Path img, Map<String, Long> synced, Set<String> uncertain) throws IOException {
    // read-only recovery twice: identical results, image untouched
    byte[] sig = Files.readAllBytes(img);
    try (Blobstore a = Blobstore.load(FileBlockDevice.open(img, true, 512), null);
        Blobstore b = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      assertEquals(a.usedClusterMask(), b.usedClusterMask());
      assertEquals(a.usedPageMask(), b.usedPageMask());
      assertEquals(a.blobIds(), b.blobIds());
      assertTrue(a.skippedBlobs().isEmpty(), a.skippedBlobs().toString());
    }
    assertTrue(java.util.Arrays.equals(sig, Files.readAllBytes(img)), "read-only load wrote");
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512))) {
      assertTrue(fs.orphans().isEmpty(), "orphans " + fs.orphans());
      List<String> names = fs.list();
      for (Map.Entry<String, Long> e : synced.entrySet()) {
        if (uncertain.contains(e.getKey())) continue;
        assertTrue(names.contains(e.getKey()), "synced file lost: " + e.getKey() + " in " + names);
      }
      for (String n : names) {
        Long min = synced.get(n);
        try (BlobFile f = fs.openFile(n, 0)) {
          if (min != null && !uncertain.contains(n)) assertTrue(f.length() >= min, n + " shorter than synced " + min);
          String stream = n.contains("~") ? n.substring(0, n.indexOf('~')) : n;
          byte[] buf = new byte[(int) f.length()];
          f.read(0, buf, 0, buf.length);
          for (int i = 0; i < buf.length; i++) {
            if (buf[i] != CrashChild.contentAt(stream, i)) throw new AssertionError(n + " differs at byte " + i);
          }
          synced.merge(n, f.length(), Math::max);
        } catch (BlobfsNotFoundException e) {
          throw new AssertionError("listed but not openable: " + n, e);
        }
      }
      synced.keySet().retainAll(new HashSet<>(names));
    }
    List<String> findings = Fsck.check(img);
    assertFalse(findings.stream().anyMatch(s -> !s.isEmpty()), findings.toString());
  }
}
