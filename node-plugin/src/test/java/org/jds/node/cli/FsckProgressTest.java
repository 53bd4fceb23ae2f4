package org.jds.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsBatch;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jds blobfs fsck} reports progress per phase and a summary when forced (as on a terminal),
 * and prints exactly what it printed before when not.
 */
class FsckProgressTest {
  private static final int KEYS = 600;
  private static final int EVERY = 50;
  private static final Pattern LINE = Pattern.compile("fsck: (md pages|masks|files) (\\d+)/(\\d+)");
  private static final Pattern SUMMARY = Pattern.compile(
      "fsck: .*: (\\d+) md pages, (\\d+) files checked in \\d+\\.\\d s: (\\d+) problem\\(s\\) found(, (\\d+) repaired)?, 0 note\\(s\\)");
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();
  private String img;

  /** A datastore image of {@code KEYS} files, written by an export from flatfs. */
  @BeforeEach
  void image() throws Exception {
    Path src = tmp.resolve("src");
    try (FlatfsDatastore ds = FlatfsDatastore.createOrOpen(new LocalStorage(tmp), "src", ShardId.DEFAULT, false)) {
      FlatfsBatch b = ds.batch();
      for (int i = 0; i < KEYS; i++) {
        b.put(Key.of("/K" + i), ("value " + i).getBytes(UTF_8));
      }
      b.commit();
    }
    img = tmp.resolve("ds.img").toString();
    assertEquals(0, cli.run("blobfs", "mkfs", img, "--size", "16M", "--datastore"), cli.err());
    assertEquals(0, cli.run("ds", "--store", "flatfs:" + src, "--no-sync", "export", "--to", "blobfs:" + img), cli.err());
  }

  @Test
  void withoutATerminalOrProgressTheOutputIsAsBefore() {
    assertEquals(0, cli.run("blobfs", "fsck", img));
    assertEquals("clean\n", cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void forcedProgressShowsEachPhaseThenASummary() {
    assertEquals(0, cli.run("blobfs", "fsck", "--progress", "--progress-every", Integer.toString(EVERY), img));
    assertEquals("clean\n", cli.out());
    List<String> lines = cli.err().lines().toList();
    Matcher s = SUMMARY.matcher(lines.get(lines.size() - 1));
    assertTrue(s.matches(), lines.get(lines.size() - 1));
    long mdPages = Long.parseLong(s.group(1));
    long files = Long.parseLong(s.group(2));
    assertTrue(files >= KEYS, cli.err());
    assertEquals("0", s.group(3));
    String order = "";
    long[] last = new long[3];
    for (String l : lines.subList(0, lines.size() - 1)) {
      Matcher m = LINE.matcher(l);
      assertTrue(m.matches(), l);
      int phase = List.of("md pages", "masks", "files").indexOf(m.group(1));
      if (!order.endsWith(m.group(1))) {
        order += (order.isEmpty() ? "" : ",") + m.group(1);
      }
      long done = Long.parseLong(m.group(2));
      assertTrue(done > last[phase], l);
      last[phase] = done;
      long total = Long.parseLong(m.group(3));
      // a clean image: the load reads the region once, the mask check's recovery scan and blob reads twice
      assertEquals(phase == 0 ? mdPages : phase == 1 ? 2 * mdPages : files, total, l);
    }
    assertEquals("md pages,masks,files", order);
    assertEquals(files / EVERY, lines.stream().filter(l -> l.startsWith("fsck: files ")).count(), cli.err());
    assertTrue(lines.stream().filter(l -> l.startsWith("fsck: md pages ")).count() >= 2, cli.err());
    assertTrue(lines.stream().filter(l -> l.startsWith("fsck: masks ")).count() >= mdPages / EVERY, cli.err());
  }

  @Test
  void theSummaryCountsWhatRepairFixedAndExitCodesStay() throws Exception {
    // flipped bytes over the cluster mask's first bits (the md region's clusters): damage
    try (RandomAccessFile f = new RandomAccessFile(img, "rw")) {
      for (int i = 0; i < 4; i++) {
        f.seek(2 * 4096 + 5 + i);
        int b = f.read();
        f.seek(2 * 4096 + 5 + i);
        f.write(b ^ 0xff);
      }
    }
    assertEquals(2, cli.run("blobfs", "fsck", img));
    assertEquals("", cli.err());
    assertEquals(2, cli.run("blobfs", "fsck", "--progress", img));
    String last = cli.err().lines().reduce((a, b) -> b).orElse("");
    Matcher s = SUMMARY.matcher(last);
    assertTrue(s.matches() && !s.group(3).equals("0") && s.group(4) == null, last);
    assertEquals(1, cli.run("blobfs", "fsck", "--repair", "--progress", img));
    last = cli.err().lines().reduce((a, b) -> b).orElse("");
    s = SUMMARY.matcher(last);
    assertTrue(s.matches() && !s.group(3).equals("0") && s.group(3).equals(s.group(5)), last);
    assertEquals(0, cli.run("blobfs", "fsck", img));
  }
}
