package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One kubo repo, shared by the kubo tests of a JVM, into which the real kubo has added the same
 * generated tree once per {@link #VARIANTS variant} ({@code ipfs add -r} with other CID versions,
 * leaf types, chunkers and hash). Built on first use and then only read (kubo is never run as a
 * daemon, so the repo is quiet); deleted when the JVM exits.
 */
final class KuboAdded {

  /** One {@code ipfs add -r} invocation. */
  record Variant(String name, List<String> flags) {}

  /** What one variant added: the root and every file's CID, by path relative to the tree. */
  record Added(Variant variant, String root, Map<String, String> files) {}

  /** CIDv0 with dag-pb leaves, CIDv1 (raw leaves), raw leaves on CIDv0, other chunkers, blake2b. */
  static final List<Variant> VARIANTS = List.of(
      new Variant("v0", List.of("--cid-version", "0")),
      new Variant("v1", List.of("--cid-version", "1")),
      new Variant("v0-raw-64k", List.of("--cid-version", "0", "--raw-leaves", "--chunker", "size-65536")),
      new Variant("v1-pb-rabin", List.of("--cid-version", "1", "--raw-leaves=false",
          "--chunker", "rabin-16384-65536-131072")),
      new Variant("v1-buzhash-blake2b", List.of("--cid-version", "1", "--chunker", "buzhash",
          "--hash", "blake2b-256")));

  private static final int MIB = 1 << 20;
  private static final int CHUNK = 256 << 10;
  /** Path relative to the tree → length; the contents come from {@link ValueGen} seeded by index. */
  private static final Map<String, Integer> SIZES = sizes();

  private static KuboAdded shared;

  final Path tree;
  final Kubo kubo;
  final Map<String, byte[]> files = new LinkedHashMap<>();
  final List<Added> added = new ArrayList<>();
  private final Path scratch;

  private KuboAdded(Path scratch) {
    this.scratch = scratch;
    this.tree = scratch.resolve("tree");
    this.kubo = Kubo.init(scratch.resolve("kubo"));
  }

  private static Map<String, Integer> sizes() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("empty.bin", 0);
    m.put("one.bin", 1);
    m.put("small.txt", 1000);
    m.put("chunk-minus-1.bin", CHUNK - 1);
    m.put("chunk.bin", CHUNK);
    m.put("chunk-plus-1.bin", CHUNK + 1);
    m.put("a/mid.bin", MIB + 17);
    m.put("a/b/big.bin", 5 * MIB);
    m.put("a/b/dup.txt", 1000); // same bytes as small.txt: a block shared within the DAG
    return m;
  }

  /** The shared repo, made on first call. */
  static synchronized KuboAdded shared() throws IOException {
    if (shared == null) {
      Path scratch = Files.createTempDirectory("jds-kubo-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(scratch)));
      KuboAdded k = new KuboAdded(scratch);
      k.writeTree();
      for (Variant v : VARIANTS) {
        k.added.add(k.add(v));
      }
      System.out.printf("[interop-tests] kubo added the tree %d ways: %d blocks (refs local)%n", VARIANTS.size(),
          k.refsLocal().size());
      shared = k;
    }
    return shared;
  }

  /**
   * A new jds repo ({@code jds init}) under the scratch space: {@code blobfs} (a 256 MB image, room
   * for every block here) or {@code flatfs} (kubo's layout).
   */
  Path newJdsRepo(String profile) throws IOException {
    Path repo = newDir("jds-" + profile + "-").resolve("repo");
    if (profile.equals("blobfs")) {
      JdsCli.run("init", "--repo-dir", repo, "--profile", profile, "--blobfs-size", "256MB");
    } else {
      JdsCli.run("init", "--repo-dir", repo, "--profile", profile);
    }
    return repo;
  }

  /** A new directory under the shared scratch space. */
  Path newDir(String prefix) throws IOException {
    return Files.createTempDirectory(scratch, prefix);
  }

  private void writeTree() throws IOException {
    int seed = 1;
    for (Map.Entry<String, Integer> e : SIZES.entrySet()) {
      byte[] b = e.getKey().equals("a/b/dup.txt") ? files.get("small.txt") : ValueGen.gen(e.getValue(), seed++);
      Path p = tree.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, b);
      files.put(e.getKey(), b);
    }
    Files.createDirectories(tree.resolve("a/empty-dir"));
  }

  /** {@code ipfs add -r}: parses its "added CID PATH" lines (PATH starts with the tree's name). */
  private Added add(Variant v) {
    List<String> args = new ArrayList<>(List.of("add", "-r", "--offline"));
    args.addAll(v.flags());
    args.add(tree.toString());
    String out = kubo.run(args.toArray(String[]::new)).ok().out();
    Map<String, String> byPath = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.split(" ", 3);
      assertEquals("added", f[0], line);
      byPath.put(f[2], f[1]);
    }
    String root = byPath.remove("tree");
    Map<String, String> fileCids = new LinkedHashMap<>();
    for (String path : files.keySet()) {
      String cid = byPath.get("tree/" + path);
      assertTrue(cid != null, () -> v + " did not report tree/" + path + ":\n" + out);
      fileCids.put(path, cid);
    }
    assertTrue(root != null, () -> v + " did not report the root:\n" + out);
    return new Added(v, root, fileCids);
  }

  /** {@code ipfs refs local}: every block as a CIDv1 raw base32 string, sorted. */
  TreeSet<String> refsLocal() {
    return new TreeSet<>(Arrays.asList(kubo.run("refs", "local").ok().out().split("\n")));
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
