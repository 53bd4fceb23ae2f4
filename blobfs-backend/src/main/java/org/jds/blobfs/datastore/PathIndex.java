package org.jds.blobfs.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storage tree as flatfs sees it, kept in memory: every file path with its blobfs name, every
 * directory (persisted marker or virtual). Lookups, listings and existence checks never touch the
 * device. Not thread-safe: {@link BlobfsStorage} guards it.
 */
final class PathIndex {
  /** A file (name = its blobfs name) or a directory (name = marker name, null if virtual). */
  record Node(boolean dir, String name) {}

  private final TreeMap<String, Node> nodes = new TreeMap<>();

  Node get(String path) {
    return nodes.get(path);
  }

  void put(String path, Node n) {
    nodes.put(path, n);
  }

  void remove(String path) {
    nodes.remove(path);
  }

  /** The root, an explicit directory, or the ancestor of anything. */
  boolean isDir(String path) {
    if (path.isEmpty()) {
      return true;
    }
    Node n = nodes.get(path);
    if (n != null) {
      return n.dir();
    }
    String k = nodes.ceilingKey(path + "/");
    return k != null && k.startsWith(path + "/");
  }

  boolean exists(String path) {
    return nodes.containsKey(path) || isDir(path);
  }

  /** Whether anything lies below {@code dir}. */
  boolean hasChildren(String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    String k = nodes.higherKey(prefix);
    return k != null && k.startsWith(prefix) && (!dir.isEmpty() || !k.isEmpty());
  }

  /** The smallest child name of {@code dir} above {@code after} (null: the first), or null. */
  String nextChild(String dir, String after) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    String k = after == null ? nodes.ceilingKey(prefix) : nodes.higherKey(prefix + after);
    while (k != null && k.startsWith(prefix)) {
      String rest = k.substring(prefix.length());
      int slash = rest.indexOf('/');
      String child = slash < 0 ? rest : rest.substring(0, slash);
      if (!child.isEmpty() && (after == null || child.compareTo(after) > 0)) {
        return child;
      }
      k = slash < 0 ? nodes.higherKey(k) : nodes.ceilingKey(prefix + child + "0");
    }
    return null;
  }

  /** {@code path} and everything below it, deepest first. */
  List<Map.Entry<String, Node>> subtree(String path) {
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    if (path.isEmpty()) {
      out.addAll(nodes.entrySet());
    } else {
      Node self = nodes.get(path);
      out.addAll(nodes.subMap(path + "/", true, path + "0", false).entrySet());
      if (self != null) {
        out.add(Map.entry(path, self));
      }
    }
    out.sort((a, b) -> b.getKey().compareTo(a.getKey()));
    return out;
  }

  /** Files directly in {@code dir} and in its direct subdirectories (a datastore's key files). */
  List<Map.Entry<String, Node>> filesWithinTwoLevels(String dir) {
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : subtree(dir)) {
      String rest = dir.isEmpty() ? e.getKey() : e.getKey().substring(Math.min(e.getKey().length(), dir.length() + 1));
      if (!e.getValue().dir() && !e.getKey().equals(dir) && rest.split("/").length <= 2) {
        out.add(e);
      }
    }
    return out;
  }

  int size() {
    return nodes.size();
  }

  Iterable<Map.Entry<String, Node>> all() {
    return nodes.entrySet();
  }
}
