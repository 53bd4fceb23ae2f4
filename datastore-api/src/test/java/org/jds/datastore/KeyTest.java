package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTest {
  @ParameterizedTest(name = "of({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/", "/|/", "/./|/", "/.././/|/", "/prefix/../|/", "//a//b/|/a/b", "/a/./b/../c|/a/c",
        "/...|/...", "foo|/foo", "a/b/|/a/b", "../a|/a", "/a/b/../../..|/", "/a\\b|/a\\b",
        "/Comedy/MontyPython/Actor:JohnCleese|/Comedy/MontyPython/Actor:JohnCleese", "/a/..b|/a/..b"
      })
  void cleaning(String in, String out) {
    assertEquals(out, Key.of(in).toString());
  }

  @Test
  void nulByteIsOrdinary() {
    assertEquals("/a\0b", Key.of("a\0b").toString());
  }

  @Test
  void rawKeys() throws InvalidKeyException {
    assertSame(Key.ROOT, Key.raw(""));
    assertEquals("/", Key.raw("/").toString());
    assertEquals("/a/b", Key.raw("/a/b").toString());
    assertEquals("//a/./b", Key.raw("//a/./b").toString(), "raw keys are not cleaned");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "a/b", "/a/", "//", "/a/b/"})
  void rawKeyErrors(String s) {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> Key.raw(s));
    assertEquals("invalid datastore key: " + s, e.getMessage());
  }

  @Test
  void namespaces() {
    Key k = Key.of("/Comedy/MontyPython/Actor:JohnCleese");
    assertEquals(List.of("Comedy", "MontyPython", "Actor:JohnCleese"), k.list());
    assertEquals(k.list(), k.namespaces());
    assertEquals("Actor:JohnCleese", k.baseNamespace());
    assertEquals("Comedy", k.rootNamespace());
    assertEquals("Actor", k.type());
    assertEquals("JohnCleese", k.name());
    assertEquals(List.of(""), Key.ROOT.list());
    assertEquals("", Key.ROOT.rootNamespace());
    assertEquals("", Key.ROOT.baseNamespace());
    assertEquals("Music:Song", Key.namespaceType("Music:Song:X"));
    assertEquals("X", Key.namespaceValue("Music:Song:X"));
    assertEquals("", Key.namespaceType("plain"));
    assertEquals("plain", Key.namespaceValue("plain"));
    assertEquals("", Key.of("/a/b").type());
    assertEquals("b", Key.of("/a/b").name());
  }

  @Test
  void derivedKeys() {
    assertEquals("/Comedy/MontyPython/Actor:JohnCleese", Key.of("/Comedy/MontyPython/Actor").instance("JohnCleese").toString());
    assertEquals("/A/B/C", Key.of("/A/B/C:c").path().toString());
    assertEquals("/A", Key.of("/A/B").path().toString());
    assertEquals("/a/b", Key.of("/a/b/c").parent().toString());
    assertEquals("/", Key.of("/a").parent().toString());
    assertEquals("/", Key.ROOT.parent().toString());
    assertEquals("/a/c", Key.of("/a").childString("b/../c").toString());
    assertEquals("/Actor:JohnCleese/MontyPython/Comedy", Key.of("/Comedy/MontyPython/Actor:JohnCleese").reverse().toString());
    assertEquals("/a/b", Key.withNamespaces(List.of("a", "b")).toString());
    assertEquals("/a/c", Key.withNamespaces(List.of("a", "b", "..", "c")).toString());
  }

  @Test
  void childDoesNotClean() throws InvalidKeyException {
    Key a = Key.of("/a");
    assertSame(a, Key.ROOT.child(a));
    assertSame(a, a.child(Key.ROOT));
    assertEquals("/a/b", a.child(Key.of("/b")).toString());
    assertEquals("/a//b", a.child(Key.raw("//b")).toString());
  }

  @Test
  void ancestry() {
    Key a = Key.of("/A");
    assertTrue(a.isAncestorOf(Key.of("/A/B")));
    assertTrue(a.isAncestorOf(Key.of("/A/B/C")));
    assertFalse(a.isAncestorOf(Key.of("/AB")), "/A is not an ancestor of /AB");
    assertFalse(a.isAncestorOf(a), "not its own ancestor");
    assertFalse(a.isAncestorOf(Key.of("/B/A/C")));
    assertTrue(Key.ROOT.isAncestorOf(a));
    assertFalse(Key.ROOT.isAncestorOf(Key.ROOT));
    assertFalse(Key.of("/A/B").isAncestorOf(a));
    assertTrue(Key.of("/A/B").isDescendantOf(a));
    assertFalse(a.isDescendantOf(Key.of("/A/B")));
    assertTrue(Key.ROOT.isTopLevel());
    assertTrue(a.isTopLevel());
    assertFalse(Key.of("/A/B").isTopLevel());
  }

  @Test
  void ordering() {
    assertTrue(Key.of("/a/b/c/d/e/f/g/h").less(Key.of("/b")));
    assertTrue(Key.ROOT.less(Key.of("/a")));
    assertTrue(Key.of("/a").less(Key.of("/a/b")));
    assertFalse(Key.of("/b").less(Key.of("/a/b/c/d/e/f/g/h")));
    assertEquals(0, Key.of("/a/b").compareTo(Key.of("a/b/")));
    // Key order is component-wise; the query order compares whole strings: opposite here.
    Key dash = Key.of("/a-b");
    Key slash = Key.of("/a/b");
    assertTrue(slash.less(dash));
    assertTrue(Order.BY_KEY.compare(new Entry("/a-b", null), new Entry("/a/b", null)) < 0);
    List<Key> keys = new ArrayList<>(List.of(Key.of("/b"), Key.of("/a/b/c"), Key.ROOT, Key.of("/a"), Key.of("/a/b")));
    Collections.sort(keys);
    assertEquals("[/, /a, /a/b, /a/b/c, /b]", keys.toString());
  }

  @Test
  void orderingIsBytewiseNotUtf16() {
    Key bmp = Key.of("/\uffff");
    Key astral = Key.of("/\uD83D\uDE00"); // UTF-8 F0.. sorts after EF BF BF
    assertTrue(bmp.less(astral));
    assertTrue("\uffff".compareTo("\uD83D\uDE00") > 0, "Java's UTF-16 order differs, hence Bytewise");
    assertEquals(-1, Bytewise.compare("\uffff", "\uD83D\uDE00"));
  }

  @Test
  void equalityAndBytes() {
    assertEquals(Key.of("/a"), Key.of("a"));
    assertEquals(Key.of("/a").hashCode(), Key.of("a").hashCode());
    assertNotEquals(Key.of("/a"), Key.of("/b"));
    assertNotEquals(Key.of("/a"), "/a");
    assertArrayEquals("/\u00fc".getBytes(StandardCharsets.UTF_8), Key.of("\u00fc").bytes());
  }

  @Test
  void randomKey() {
    Key r = Key.random();
    assertTrue(r.toString().matches("/[0-9a-f]{32}"), r.toString());
    assertNotEquals(r, Key.random());
  }
}
