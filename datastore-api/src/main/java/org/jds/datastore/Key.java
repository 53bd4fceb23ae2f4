package org.jds.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A hierarchical datastore key such as {@code /Comedy/MontyPython/Actor:JohnCleese}: go-datastore's
 * {@code Key}. Immutable and thread-safe.
 *
 * <p>{@link #of} cleans the string with Go's {@code path.Clean} semantics (a leading {@code /}, no
 * trailing {@code /}, no {@code .} or {@code ..} elements, no repeated slashes). {@link #raw} takes a
 * string that is already clean without touching it. Ordering ({@link #compareTo}) is Go's {@code
 * Less}: component by component, bytewise.
 */
public final class Key implements Comparable<Key> {
  /** The root key {@code /}. */
  public static final Key ROOT = new Key("/");

  private final String s;

  private Key(String s) {
    this.s = s;
  }

  /** Go's {@code NewKey}: cleans {@code s}. Never fails. */
  public static Key of(String s) {
    if (s.isEmpty()) {
      return ROOT;
    }
    return new Key(GoPath.clean(s.charAt(0) == '/' ? s : "/" + s));
  }

  /**
   * Go's {@code RawKey}: no cleaning. {@code ""} gives {@code /}.
   *
   * @throws InvalidKeyException unless {@code s} starts with {@code /} and is {@code /} or does not
   *     end with {@code /}
   */
  public static Key raw(String s) throws InvalidKeyException {
    if (s.isEmpty()) {
      return ROOT;
    }
    if (s.charAt(0) != '/' || (s.length() > 1 && s.charAt(s.length() - 1) == '/')) {
      throw new InvalidKeyException("invalid datastore key: " + s);
    }
    return new Key(s);
  }

  /** Go's {@code KeyWithNamespaces}: {@code of(join(ns, "/"))}. */
  public static Key withNamespaces(List<String> namespaces) {
    return of(String.join("/", namespaces));
  }

  /** Go's {@code RandomKey}: {@code /} plus 32 lowercase hex digits. */
  public static Key random() {
    return new Key("/" + UUID.randomUUID().toString().replace("-", ""));
  }

  @Override
  public String toString() {
    return s;
  }

  /** The key string as UTF-8 bytes (Go's {@code Bytes()}). */
  public byte[] bytes() {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The namespaces: {@code split(s, "/")[1:]}; {@code [""]} for the root. */
  public List<String> list() {
    List<String> parts = new ArrayList<>();
    int start = 1;
    for (int i = 1; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '/') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (s.length() <= 1) {
      return List.of("");
    }
    return parts;
  }

  /** Same as {@link #list()}. */
  public List<String> namespaces() {
    return list();
  }

  public String baseNamespace() {
    List<String> l = list();
    return l.get(l.size() - 1);
  }

  public String rootNamespace() {
    return list().get(0);
  }

  /** Everything before the last {@code :} of {@code ns}, or {@code ""}. */
  public static String namespaceType(String ns) {
    int i = ns.lastIndexOf(':');
    return i < 0 ? "" : ns.substring(0, i);
  }

  /** The part after the last {@code :} of {@code ns}. */
  public static String namespaceValue(String ns) {
    int i = ns.lastIndexOf(':');
    return i < 0 ? ns : ns.substring(i + 1);
  }

  public String type() {
    return namespaceType(baseNamespace());
  }

  public String name() {
    return namespaceValue(baseNamespace());
  }

  /** {@code of(this + ":" + s)}. */
  public Key instance(String suffix) {
    return of(s + ":" + suffix);
  }

  /** {@code of(parent + "/" + type)}. */
  public Key path() {
    return of(parent().s + "/" + type());
  }

  /** The parent; the parent of a top-level key (and of the root) is the root. */
  public Key parent() {
    List<String> l = list();
    if (l.size() == 1) {
      return ROOT;
    }
    return of(String.join("/", l.subList(0, l.size() - 1)));
  }

  /** Appends {@code k2} without cleaning (Go's {@code Child}). */
  public Key child(Key k2) {
    if (s.equals("/")) {
      return k2;
    }
    if (k2.s.equals("/")) {
      return this;
    }
    return new Key(s + k2.s);
  }

  /** {@code of(this + "/" + name)}. */
  public Key childString(String name) {
    return of(s + "/" + name);
  }

  /** True if {@code other} is strictly below this key. {@code /A} is not an ancestor of {@code /AB}. */
  public boolean isAncestorOf(Key other) {
    String o = other.s;
    if (o.length() <= s.length()) {
      return false;
    }
    if (s.equals("/")) {
      return true;
    }
    return o.charAt(s.length()) == '/' && o.startsWith(s);
  }

  public boolean isDescendantOf(Key other) {
    return other.isAncestorOf(this);
  }

  public boolean isTopLevel() {
    return list().size() == 1;
  }

  /** The namespaces in reverse order. */
  public Key reverse() {
    List<String> l = new ArrayList<>(list());
    java.util.Collections.reverse(l);
    return withNamespaces(l);
  }

  /** Go's {@code Compare}: component-wise bytewise compare; a prefix list sorts first. */
  @Override
  public int compareTo(Key o) {
    List<String> a = list();
    List<String> b = o.list();
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Bytewise.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c < 0 ? -1 : 1;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * Go's {@code Clean}: this key cleaned with {@code path.Clean} (Go cleans in place; Java keys are
   * immutable). Keys from {@link #of} are already clean; a {@link #raw} key may not be.
   */
  public Key clean() {
    Key c = of(s);
    return c.s.equals(s) ? this : c;
  }

  /** Go's {@code MarshalJSON}: the key string as a JSON string, escaped as Go's {@code encoding/json} does. */
  public String toJson() {
    return GoJson.quote(s);
  }

  /**
   * Go's {@code UnmarshalJSON}: a JSON string read as {@link #of} (cleaned); JSON {@code null} gives
   * the root, as Go's (it leaves the string empty, and {@code NewKey("")} is {@code /}).
   *
   * @throws InvalidKeyException if {@code json} is not one JSON string (or null)
   */
  public static Key fromJson(String json) throws InvalidKeyException {
    return of(GoJson.unquote(json));
  }

  /** Go's {@code EntryKeys}: the key of each entry, through {@link #of}. */
  public static List<Key> entryKeys(List<org.jds.datastore.query.Entry> entries) {
    List<Key> out = new ArrayList<>(entries.size());
    for (org.jds.datastore.query.Entry e : entries) {
      out.add(of(e.key()));
    }
    return out;
  }

  /** Go's {@code Less}. */
  public boolean less(Key o) {
    return compareTo(o) < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key && ((Key) o).s.equals(s);
  }

  @Override
  public int hashCode() {
    return s.hashCode();
  }
}
