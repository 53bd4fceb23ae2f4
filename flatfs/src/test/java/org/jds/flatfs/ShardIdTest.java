package org.jds.flatfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jds.datastore.Key;
import org.junit.jupiter.api.Test;

/** Shard functions, their ids and Go's parse errors (shard.go, key_test.go). */
class ShardIdTest {
  @Test
  void workedExamples() {
    Map<String, String[]> cases = Map.of(
        "QUUX", new String[] {"QU", "UX", "UU"},
        "A", new String[] {"A_", "_A", "__"},
        "AB", new String[] {"AB", "AB", "_A"},
        "ABC", new String[] {"AB", "BC", "AB"},
        "XXXXXXXXXXXXX===", new String[] {"XX", "==", "=="});
    cases.forEach((key, want) -> {
      assertEquals(want[0], ShardId.prefix(2).apply(key), key);
      assertEquals(want[1], ShardId.suffix(2).apply(key), key);
      assertEquals(want[2], ShardId.nextToLast(2).apply(key), key);
    });
    assertEquals("SC", ShardId.DEFAULT.apply("AFKREIA22FLID5AJ2KU7URG47MDLROZIH6YF2KALU2PWEFPVI37YLKRSCA"));
    assertEquals("", ShardId.prefix(0).apply("ABC"));
    assertEquals("", ShardId.suffix(0).apply("ABC"));
    assertEquals("", ShardId.nextToLast(0).apply("ABC"));
  }

  @Test
  void idsAreGosBytes() {
    assertEquals("/repo/flatfs/shard/v1/next-to-last/2", ShardId.DEFAULT.toString());
    assertEquals("/repo/flatfs/shard/v1/prefix/2", ShardId.prefix(2).toString());
    assertEquals("/repo/flatfs/shard/v1/suffix/2", ShardId.suffix(2).toString());
  }

  @Test
  void parseRoundTripsAndTrims() throws Exception {
    assertEquals(ShardId.DEFAULT, ShardId.parse("/repo/flatfs/shard/v1/next-to-last/2\n"));
    assertEquals(ShardId.prefix(5), ShardId.parse(" \t/repo/flatfs/shard/v1/prefix/5\r\n"));
    assertEquals(ShardId.suffix(3), ShardId.parse("/repo/flatfs/shard/v1/suffix/+3"));
  }

  @Test
  void parseErrorsHaveGosText() {
    Map<String, String> cases = Map.of(
        "  \n", "empty shard identifier",
        "/bad/prefix/v1/next-to-last/2", "invalid or no prefix in shard identifier: /bad/prefix/v1/next-to-last/2",
        "/repo/flatfs/shard/v1/prefix", "invalid shard identifier: v1/prefix",
        "/repo/flatfs/shard/v2/prefix/2", "expected 'v1' for version string got: v2",
        "/repo/flatfs/shard/v1/prefix/x", "invalid parameter: strconv.Atoi: parsing \"x\": invalid syntax",
        "/repo/flatfs/shard/v1/middle/2", "expected 'prefix', 'suffix' or 'next-to-last' got: middle",
        "/repo/flatfs/shard/v1/prefix/99999999999", "invalid parameter: strconv.Atoi: parsing \"99999999999\": value out of range");
    cases.forEach((in, msg) -> {
      FlatfsException e = assertThrows(FlatfsException.class, () -> ShardId.parse(in), in);
      assertEquals(msg, e.getMessage());
      assertEquals(FlatfsException.Reason.BAD_SHARD_ID, e.reason());
    });
    // Go panics on a negative parameter; we refuse it with an error.
    assertThrows(FlatfsException.class, () -> ShardId.parse("/repo/flatfs/shard/v1/prefix/-1"));
  }

  /** key_test.go's TestKeyIsValid. */
  @Test
  void keyValidity() {
    for (String s : new String[] {"/FOO", "/1BAR1", "/=EMACS-IS-KING=", "/+_-="}) {
      assertTrue(Keys.isValid(Key.of(s)), s);
    }
    for (String s : new String[] {"/foo/bar", "/foo\\bar", "/foo\000bar", "/=Vim-IS-KING=", "/"}) {
      assertFalse(Keys.isValid(Key.of(s)), s);
    }
  }
}
