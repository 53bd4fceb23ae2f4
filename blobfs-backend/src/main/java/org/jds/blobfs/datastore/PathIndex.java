package org.jds.blobfs.datastore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jds.flatfs.storage.StoragePaths;

/**
 * The storage tree as flatfs sees it, kept in memory: every file path with its blobfs name, every
 * directory (persisted marker or virtual). Lookups, listings and existence checks never touch the
 * device. Owned by {@link DirectoryView}; not thread-safe: {@link BlobfsStorage} guards it.
 *
 * <p>Kept per directory (a hash map from directory path to its direct children) so that a lookup
 * is one hash probe and a listing walks only that directory: a query-all lists about a thousand
 * shard directories, and a seek per directory in one sorted map of all paths cost more than the
 * keys themselves. A directory that holds something but has no node of its own (a shard directory
 * loaded from {@code /KEY.data} names) is {@link #IMPLICIT} in its parent and vanishes with its
 * last child, as it would if it were derived from the paths below it.
 */
final class PathIndex {
  /** A file (name = its blobfs name) or a directory (name = marker name, null if virtual). */
  record Node(boolean dir, String name) {}

  /** In a parent's map: a directory without a node. Compared by identity. */
  private static final Node IMPLICIT = new Node(true, null);

  /** Directory path ({@code ""} = root) to its direct children; present iff non-empty. */
  private final HashMap<String, TreeMap<String, Node>> dirs = new HashMap<>();
  /** Nodes, not counting {@link #IMPLICIT} entries. */
  private int size;

  /** The node at {@code path}, or null (also for a directory that has none). */
  Node get(String path) {
    Node n = entry(path);
    return n == IMPLICIT ? null : n;
  }

  /** The node or {@link #IMPLICIT} at {@code path}, or null. */
  private Node entry(String path) {
    if (path.isEmpty()) {
      return null;
    }
    TreeMap<String, Node> c = dirs.get(StoragePaths.parent(path));
    return c == null ? null : c.get(StoragePaths.name(path));
  }

  /** Puts {@code n} unless {@code path} has a node already; true if it was put. */
  boolean putIfAbsent(String path, Node n) {
    TreeMap<String, Node> c = children(StoragePaths.parent(path));
    String name = StoragePaths.name(path);
    Node old = c.get(name);
    if (old != null && old != IMPLICIT) {
      return false;
    }
    c.put(name, n);
    size++;
    return true;
  }

  void put(String path, Node n) {
    Node old = children(StoragePaths.parent(path)).put(StoragePaths.name(path), n);
    if (old == null || old == IMPLICIT) {
      size++;
    }
  }

  /** The children map of {@code dir}, created (and linked into its ancestors) if absent. */
  private TreeMap<String, Node> children(String dir) {
    TreeMap<String, Node> c = dirs.get(dir);
    if (c == null) {
      c = new TreeMap<>();
      dirs.put(dir, c);
      if (!dir.isEmpty()) {
        children(StoragePaths.parent(dir)).putIfAbsent(StoragePaths.name(dir), IMPLICIT);
      }
    }
    return c;
  }

  void remove(String path) {
    String parent = StoragePaths.parent(path);
    TreeMap<String, Node> c = dirs.get(parent);
    Node old = c == null ? null : c.get(StoragePaths.name(path));
    if (old == null || old == IMPLICIT) {
      return;
    }
    size--;
    if (dirs.containsKey(path)) {
      c.put(StoragePaths.name(path), IMPLICIT); // still a directory: something lies below it
      return;
    }
    c.remove(StoragePaths.name(path));
    // Empty maps go, and with them implicit directories that held nothing else.
    String dir = parent;
    while (c.isEmpty()) {
      dirs.remove(dir);
      if (dir.isEmpty()) {
        return;
      }
      c = dirs.get(StoragePaths.parent(dir));
      if (c == null || c.get(StoragePaths.name(dir)) != IMPLICIT) {
        return;
      }
      c.remove(StoragePaths.name(dir));
      dir = StoragePaths.parent(dir);
    }
  }

  /** The root, an explicit directory, or the ancestor of anything (unless it is a file node). */
  boolean isDir(String path) {
    if (path.isEmpty()) {
      return true;
    }
    Node n = entry(path);
    return n != null && n.dir();
  }

  boolean exists(String path) {
    return path.isEmpty() || entry(path) != null;
  }

  /** Whether anything lies below {@code dir}. */
  boolean hasChildren(String dir) {
    return dirs.containsKey(dir);
  }

  /** Where a listing resumes: the last name it returned. */
  static final class Cursor {
    private String last;
  }

  /**
   * Appends to {@code out} the next child names of {@code dir} after {@code c} (advanced), in name
   * order, until {@code out} holds {@code max}; returns false once the directory is exhausted.
   */
  boolean nextChildren(String dir, Cursor c, int max, List<String> out) {
    TreeMap<String, Node> m = dirs.get(dir);
    if (m == null) {
      return false;
    }
    Iterator<String> it = (c.last == null ? m : m.tailMap(c.last, false)).keySet().iterator();
    while (out.size() < max) {
      if (!it.hasNext()) {
        return false;
      }
      c.last = it.next();
      out.add(c.last);
    }
    return true;
  }

  /** {@code path} and every node below it, deepest first (descending path order). */
  List<Map.Entry<String, Node>> subtree(String path) {
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    Node self = get(path);
    if (self != null) {
      out.add(Map.entry(path, self));
    }
    collect(path, out);
    out.sort((a, b) -> b.getKey().compareTo(a.getKey()));
    return out;
  }

  private void collect(String dir, List<Map.Entry<String, Node>> out) {
    TreeMap<String, Node> m = dirs.get(dir);
    if (m == null) {
      return;
    }
    for (Map.Entry<String, Node> e : m.entrySet()) {
      String p = StoragePaths.join(dir, e.getKey());
      if (e.getValue() != IMPLICIT) {
        out.add(Map.entry(p, e.getValue()));
      }
      collect(p, out);
    }
  }

  /** Files directly in {@code dir} and in its direct subdirectories (a datastore's key files). */
  List<Map.Entry<String, Node>> filesWithinTwoLevels(String dir) {
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    TreeMap<String, Node> m = dirs.get(dir);
    if (m == null) {
      return out;
    }
    for (Map.Entry<String, Node> e : m.entrySet()) {
      String p = StoragePaths.join(dir, e.getKey());
      if (!e.getValue().dir()) {
        out.add(Map.entry(p, e.getValue()));
      }
      TreeMap<String, Node> sub = dirs.get(p);
      if (sub != null) {
        for (Map.Entry<String, Node> f : sub.entrySet()) {
          if (!f.getValue().dir()) {
            out.add(Map.entry(StoragePaths.join(p, f.getKey()), f.getValue()));
          }
        }
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  /** Every node with its path (not implicit directories), in no particular order. */
  List<Map.Entry<String, Node>> all() {
    List<Map.Entry<String, Node>> out = new ArrayList<>(size);
    collect("", out);
    return out;
  }
}
