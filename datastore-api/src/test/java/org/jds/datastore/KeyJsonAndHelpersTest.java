package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jds.datastore.query.Entry;
import org.jds.datastore.wrap.Failstore;
import org.junit.jupiter.api.Test;

/** Key JSON (checked against real Go in interop-tests' KeyJsonTest), EntryKeys and GetBacked. */
class KeyJsonAndHelpersTest {
  @Test
  void keyJsonAsGoWritesIt() throws InvalidKeyException {
    assertEquals("\"/a/b\"", Key.of("a//b/").toJson());
    assertEquals("\"/\\u003cb\\u003e\\u0026\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u2028\"", Key.of("/<b>&\"\\\b\f\n\r\t\u0001\u2028").toJson());
    assertEquals("\"/\uD83D\uDE00\\ufffd\"", Key.of("/\uD83D\uDE00\uD800").toJson(), "a lone surrogate is invalid UTF-8 to Go");
    assertEquals(Key.of("/a/b"), Key.fromJson(" \"a/../a/b/\" "));
    assertEquals(Key.of("/\u00e9/\uD83D\uDE00"), Key.fromJson("\"/\\u00e9/\\ud83d\\ude00\""));
    assertEquals(Key.of("/\ufffdx"), Key.fromJson("\"/\\ud83dx\""));
    assertEquals(Key.ROOT, Key.fromJson("null"), "Go leaves the string empty: NewKey(\"\")");
    for (String bad : List.of("", "12", "\"open", "\"a\"x", "\"\\q\"", "\"\\u12\"", "\"\t\"", "\"\\u\uff10000\"")) {
      assertThrows(InvalidKeyException.class, () -> Key.fromJson(bad), bad);
    }
    for (String k : List.of("/a", "/x<y>", "/\u0000", "/\u00fc/\uD83D\uDE00")) {
      assertEquals(Key.of(k), Key.fromJson(Key.of(k).toJson()), "round trip of " + k);
    }
  }

  @Test
  void entryKeysCleanLikeNewKey() {
    List<Entry> entries = List.of(new Entry("/a", null), new Entry("b//c/", null));
    assertEquals(List.of(Key.of("/a"), Key.of("/b/c")), Key.entryKeys(entries));
  }

  @Test
  void getBackedHasAndSize() throws DatastoreException {
    MapDatastore map = new MapDatastore();
    map.put(Key.of("/k"), new byte[] {1, 2, 3});
    assertTrue(GetBacked.has(map, Key.of("/k")));
    assertFalse(GetBacked.has(map, Key.of("/none")));
    assertEquals(3, GetBacked.size(map, Key.of("/k")));
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> GetBacked.size(map, Key.of("/none"))));

    Failstore wrappedNotFound = new Failstore(map, op -> {
      throw new DatastoreIOException("remote", NotFoundException.INSTANCE);
    });
    assertFalse(GetBacked.has(wrappedNotFound, Key.of("/k")), "a wrapped not-found is absence");
    Failstore broken = new Failstore(map, op -> {
      throw new DatastoreIOException("disk on fire");
    });
    assertThrows(DatastoreIOException.class, () -> GetBacked.has(broken, Key.of("/k")));
  }

  @Test
  void cleanAndEntriesFromKeysAndValues() throws DatastoreException {
    Key raw = Key.raw("/a//b/./c");
    assertEquals(Key.of("/a/b/c"), raw.clean());
    Key clean = Key.of("/x/y");
    assertSame(clean, clean.clean());
    List<Entry> e = Entry.fromKeysAndValues(List.of("/a", "/b"), List.of(new byte[] {1, 2}, new byte[0]));
    assertEquals(List.of(new Entry("/a", new byte[] {1, 2}, 2, null), new Entry("/b", new byte[0], 0, null)), e);
    assertThrows(InvalidKeyException.class, () -> Entry.fromKeysAndValues(List.of("/a"), List.of()));
  }

  @Test
  void resultsIsClosedIsGosDone() {
    var r = org.jds.datastore.query.Results.fromEntries(org.jds.datastore.query.Query.all(), List.of(new Entry("/a", null)));
    assertFalse(r.isClosed());
    r.next();
    assertFalse(r.isClosed(), "not before the end is seen");
    r.next();
    assertTrue(r.isClosed(), "exhausted");
  }
}
