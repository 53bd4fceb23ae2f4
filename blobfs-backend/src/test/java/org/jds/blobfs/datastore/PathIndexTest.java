package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link PathIndex} against a brute-force model: one sorted map of every node's path, where a
 * directory without a node exists while anything lies below it.
 */
class PathIndexTest {
  private static final String[] SEGMENTS = {"a", "b", "a.data", "a-"};

  @Test
  void randomOperationsMatchTheModel() {
    Random rnd = new Random(42);
    List<String> paths = allPaths();
    for (int round = 0; round < 200; round++) {
      PathIndex index = new PathIndex();
      TreeMap<String, PathIndex.Node> model = new TreeMap<>();
      for (int op = 0; op < 60; op++) {
        String p = paths.get(rnd.nextInt(paths.size()));
        if (rnd.nextInt(3) == 0) {
          index.remove(p);
          model.remove(p);
        } else {
          PathIndex.Node n = switch (rnd.nextInt(3)) {
            case 0 -> new PathIndex.Node(false, "/" + p + ".f");
            case 1 -> new PathIndex.Node(true, "/" + p + ".d");
            default -> new PathIndex.Node(true, null);
          };
          if (rnd.nextBoolean()) {
            index.put(p, n);
            model.put(p, n);
          } else {
            assertEquals(model.putIfAbsent(p, n) == null, index.putIfAbsent(p, n), round + "/" + op + " putIfAbsent " + p);
          }
        }
        check(index, model, paths, rnd, round + "/" + op);
      }
    }
  }

  private static void check(PathIndex index, TreeMap<String, PathIndex.Node> model, List<String> paths, Random rnd, String at) {
    assertEquals(model.size(), index.size(), at);
    assertEquals(Set.copyOf(model.entrySet()), Set.copyOf(index.all()), at);
    List<String> all = new ArrayList<>(paths);
    all.add("");
    for (String p : all) {
      String prefix = p.isEmpty() ? "" : p + "/";
      boolean below = model.keySet().stream().anyMatch(k -> k.startsWith(prefix) && !k.equals(p));
      PathIndex.Node n = model.get(p);
      assertEquals(n, index.get(p), at + " get " + p);
      boolean dir = p.isEmpty() || (n != null ? n.dir() : below);
      assertEquals(dir, index.isDir(p), at + " isDir " + p);
      assertEquals(n != null || dir, index.exists(p), at + " exists " + p);
      assertEquals(below, index.hasChildren(p), at + " hasChildren " + p);

      TreeSet<String> children = new TreeSet<>();
      for (String k : model.keySet()) {
        if (k.startsWith(prefix) && !k.equals(p)) {
          children.add(k.substring(prefix.length()).split("/")[0]);
        }
      }
      List<String> listed = new ArrayList<>();
      PathIndex.Cursor c = new PathIndex.Cursor();
      int max = 1 + rnd.nextInt(3);
      while (index.nextChildren(p, c, listed.size() + max, listed)) {
        // another chunk
      }
      assertEquals(new ArrayList<>(children), listed, at + " list " + p);

      List<Map.Entry<String, PathIndex.Node>> subtree = new ArrayList<>();
      Set<Map.Entry<String, PathIndex.Node>> twoLevels = new HashSet<>();
      for (Map.Entry<String, PathIndex.Node> e : model.descendingMap().entrySet()) {
        if (e.getKey().equals(p) || e.getKey().startsWith(prefix)) {
          subtree.add(Map.entry(e.getKey(), e.getValue()));
        }
        if (e.getKey().startsWith(prefix) && !e.getKey().equals(p) && !e.getValue().dir()
            && e.getKey().substring(prefix.length()).split("/").length <= 2) {
          twoLevels.add(Map.entry(e.getKey(), e.getValue()));
        }
      }
      assertEquals(subtree, index.subtree(p), at + " subtree " + p);
      assertEquals(twoLevels, Set.copyOf(index.filesWithinTwoLevels(p)), at + " twoLevels " + p);
    }
  }

  /** Every path of one to three segments. */
  private static List<String> allPaths() {
    List<String> out = new ArrayList<>();
    for (String a : SEGMENTS) {
      out.add(a);
      for (String b : SEGMENTS) {
        out.add(a + "/" + b);
        for (String c : SEGMENTS) {
          out.add(a + "/" + b + "/" + c);
        }
      }
    }
    return out;
  }
}
