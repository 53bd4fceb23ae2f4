package org.jds.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything on disk under a flatfs root except {@code .temp/}: relative path, type, permission
 * bits and (for files) the bytes.
 */
public final class TreeSnapshot {

  public static final String README = "_README";
  public static final String DU_CACHE = "diskUsage.cache";
  public static final String SHARDING = "SHARDING";

  /** One entry; content is null for directories. */
  public record Node(char type, String perms, byte[] content) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && type == n.type && perms.equals(n.perms) && Arrays.equals(content, n.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, perms, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return type + " " + perms + (content == null ? "" : " " + content.length + " bytes sha256=" + Manifest.sha256(content));
    }
  }

  private final Path root;
  private final Map<String, Node> nodes;

  private TreeSnapshot(Path root, Map<String, Node> nodes) {
    this.root = root;
    this.nodes = nodes;
  }

  public static TreeSnapshot of(Path root) {
    Map<String, Node> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty() || rel.equals(".temp") || rel.startsWith(".temp/")) {
          continue;
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isSymbolicLink(p)) {
          m.put(rel, new Node('l', perms, Files.readSymbolicLink(p).toString().getBytes()));
        } else if (Files.isDirectory(p)) {
          m.put(rel, new Node('d', perms, null));
        } else {
          m.put(rel, new Node('f', perms, Files.readAllBytes(p)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSnapshot(root, m);
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  public Node get(String rel) {
    return nodes.get(rel);
  }

  public Path root() {
    return root;
  }

  /** Relative paths of the data files ({@code *.data}) in the snapshot. */
  public List<String> dataFiles() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      if (e.getValue().type == 'f' && e.getKey().endsWith(".data")) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Differences in paths, types and file bytes (permissions ignored). {@code _README} content
   * is ignored (only its presence counts); {@code diskUsage.cache} content is ignored when
   * {@code ignoreDuCache} is set.
   */
  public static List<String> contentDiff(TreeSnapshot a, String aName, TreeSnapshot b, String bName, boolean ignoreDuCache) {
    List<String> diffs = new ArrayList<>();
    for (String k : union(a, b)) {
      Node x = a.nodes.get(k);
      Node y = b.nodes.get(k);
      if (x == null || y == null) {
        diffs.add(k + ": only in " + (x == null ? bName + " (" + y + ")" : aName + " (" + x + ")"));
        continue;
      }
      if (x.type != y.type) {
        diffs.add(k + ": type " + aName + "=" + x.type + " " + bName + "=" + y.type);
        continue;
      }
      if (x.content == null || k.equals(README) || (ignoreDuCache && k.equals(DU_CACHE))) {
        continue;
      }
      if (!Arrays.equals(x.content, y.content)) {
        diffs.add(k + ": content " + aName + "=" + show(x.content) + " " + bName + "=" + show(y.content));
      }
    }
    return diffs;
  }

  /** Differences in permission bits for paths present in both. */
  public static List<String> permDiff(TreeSnapshot a, String aName, TreeSnapshot b, String bName) {
    List<String> diffs = new ArrayList<>();
    for (String k : union(a, b)) {
      Node x = a.nodes.get(k);
      Node y = b.nodes.get(k);
      if (x != null && y != null && !x.perms.equals(y.perms)) {
        diffs.add(k + ": mode " + aName + "=" + x.perms + " " + bName + "=" + y.perms);
      }
    }
    return diffs;
  }

  private static List<String> union(TreeSnapshot a, TreeSnapshot b) {
    TreeMap<String, Boolean> keys = new TreeMap<>();
    a.nodes.keySet().forEach(k -> keys.put(k, true));
    b.nodes.keySet().forEach(k -> keys.put(k, true));
    return new ArrayList<>(keys.keySet());
  }

  private static String show(byte[] c) {
    if (c.length <= 120) {
      boolean printable = true;
      for (byte x : c) {
        if ((x < 0x20 && x != '\n') || x > 0x7e) {
          printable = false;
          break;
        }
      }
      if (printable) {
        return "\"" + new String(c).replace("\n", "\\n") + "\"";
      }
    }
    return c.length + " bytes sha256=" + Manifest.sha256(c);
  }
}
