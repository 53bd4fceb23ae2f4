package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;

/** Flatfs block trees made by flatfs itself (as kubo's blocks directory), and tree comparison. */
final class BlockTrees {
  private BlockTrees() {}

  /** {@code n} random blocks of 1..maxSize bytes under their kubo keys, written by flatfs into {@code dir}. */
  static void make(Path dir, int n, int maxSize, long seed) throws Exception {
    make(dir, n, 1, maxSize, seed);
  }

  /** {@code n} random blocks of minSize..maxSize bytes. */
  static void make(Path dir, int n, int minSize, int maxSize, long seed) throws Exception {
    Random rnd = new Random(seed);
    try (FlatfsDatastore fs = FlatfsDatastore.createOrOpen(new LocalStorage(dir.getParent()),
        dir.getFileName().toString(), ShardId.DEFAULT, false)) {
      for (int i = 0; i < n; i++) {
        byte[] data = new byte[minSize + rnd.nextInt(maxSize - minSize + 1)];
        rnd.nextBytes(data);
        fs.put(Key.of("/" + DsKeys.name(Multihash.sum(Multicodec.SHA2_256.code(), data))), data);
      }
    }
  }

  /** Every {@code .data} file and SHARDING, relative path to bytes. */
  static SortedMap<String, byte[]> files(Path dir) throws IOException {
    SortedMap<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && (name.endsWith(".data") || name.equals("SHARDING"))) {
          m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  /** Same file names and bytes. */
  static void assertSameTree(Path expected, Path actual) throws IOException {
    SortedMap<String, byte[]> e = files(expected);
    SortedMap<String, byte[]> a = files(actual);
    assertEquals(e.keySet(), a.keySet());
    for (String k : e.keySet()) {
      assertArrayEquals(e.get(k), a.get(k), k);
    }
  }
}
