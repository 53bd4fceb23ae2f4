package org.jds.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsBatch;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export into a target that already holds part of the keys finishes the job; an export stopped
 * by Ctrl-C keeps what it copied, says so, and a rerun finishes it.
 */
class ExportResumeTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();

  /** A flatfs store at {@code dir} with {@code n} keys /K0.. of distinct sizes and contents. */
  private static void fill(Path dir, int from, int to) throws Exception {
    LocalStorage s = new LocalStorage(dir.getParent());
    try (FlatfsDatastore ds = FlatfsDatastore.createOrOpen(s, dir.getFileName().toString(), ShardId.DEFAULT, false)) {
      FlatfsBatch b = ds.batch();
      for (int i = from; i < to; i++) {
        b.put(Key.of("/K" + i), ("value of key " + i).repeat(1 + i % 7).getBytes(UTF_8));
      }
      b.commit();
    }
  }

  /** The keys and values, without the files a store rewrites on its own. */
  private static Map<String, String> data(Path dir) throws Exception {
    Map<String, String> m = CliHarness.contents(dir);
    m.keySet().removeIf(k -> k.equals("diskUsage.cache") || k.startsWith(".temp"));
    return m;
  }

  @Test
  void anExportIntoATargetHoldingPartOfTheKeysFinishesIt() throws Exception {
    Path src = tmp.resolve("src");
    Path dst = tmp.resolve("dst");
    fill(src, 0, 50);
    fill(dst, 10, 30);
    assertEquals(0, cli.run("ds", "--store", "flatfs:" + src, "export", "--to", "flatfs:" + dst), cli.err());
    assertEquals("50\n", cli.out());
    assertTrue(cli.err().startsWith("export: done, 30 key(s) copied (") && cli.err().contains("20 already present"),
        cli.err());
    assertEquals(data(src), data(dst));
  }

  @Test
  void aStoppedExportKeepsWhatItCopiedAndARerunFinishes() throws Exception {
    Path src = tmp.resolve("src");
    fill(src, 0, 3000);
    String to = "flatfs:" + tmp.resolve("dst");
    AtomicInteger polls = new AtomicInteger();
    DsExport.Outcome o = DsExport.run(StoreSpec.parse("flatfs:" + src), StoreSpec.parse(to), null, false, null, false,
        () -> polls.incrementAndGet() > 1500);
    assertTrue(o.interrupted());
    assertEquals(1500, o.copied());
    assertEquals(0, cli.run("ds", "--store", to, "ls"), cli.err());
    assertEquals(1500, cli.out().lines().count());
    assertEquals(0, cli.run("ds", "--store", "flatfs:" + src, "--no-sync", "export", "--to", to), cli.err());
    assertEquals("3000\n", cli.out());
    assertTrue(cli.err().contains("1500 key(s) copied") && cli.err().contains("1500 already present"), cli.err());
    assertEquals(data(src), data(tmp.resolve("dst")));
  }

  @Test
  void ctrlCStopsAChildExportCleanlyAndARerunFinishesIt() throws Exception {
    Path src = tmp.resolve("src");
    // Enough batches that the child is still copying when the signal lands, also when a loaded
    // machine takes a while to deliver it (8 batches were once all copied first).
    int n = 32 * DsExport.BATCH;
    fill(src, 0, n);
    Path img = tmp.resolve("dst.img");
    assertEquals(0, cli.run("blobfs", "mkfs", img.toString(), "--size", "1G", "--datastore"), cli.err());
    String to = "blobfs:" + img;
    Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
            Jds.class.getName(), "ds", "--store", "flatfs:" + src, "export", "--to", to, "--progress")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> lines = ChildSignal.after(p, err -> {
      String first = err.readLine();
      assertTrue(first != null && first.startsWith("export: " + DsExport.BATCH + " keys so far"), String.valueOf(first));
    }, "INT");
    assertEquals(Jds.EXIT_INTERRUPTED, p.exitValue(), lines.toString());
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("jds: export interrupted by Ctrl-C: ") && last.contains("run the same command again"), last);
    assertEquals(0, cli.run("blobfs", "fsck", img.toString()), cli.out()); // closed cleanly
    assertEquals(0, cli.run("ds", "--store", to, "ls"), cli.err());
    long copied = cli.out().lines().count();
    assertTrue(copied >= DsExport.BATCH && copied < n, copied + " of " + n);

    assertEquals(0, cli.run("ds", "--store", "flatfs:" + src, "--no-sync", "export", "--to", to), cli.err());
    assertEquals(n + "\n", cli.out());
    assertTrue(cli.err().contains(copied + " already present"), cli.err());
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("ds", "--store", to, "--no-sync", "export", "--to", "flatfs:" + back), cli.err());
    assertEquals(data(src), data(back));
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
