package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's TestStringer and friends. */
class QueryStringTest {
  private static Query.Builder full() {
    return Query.builder()
        .prefix("/foo")
        .filters(new FilterKeyCompare(Op.GREATER_THAN, "/foo/bar"), new FilterKeyCompare(Op.LESS_THAN, "/foo/bar"))
        .orders(Order.BY_VALUE, Order.BY_KEY)
        .offset(10)
        .limit(10);
  }

  @Test
  void stringer() {
    assertEquals("SELECT keys,vals", Query.all().toString());
    assertEquals("SELECT keys,vals OFFSET 10 LIMIT 10", Query.builder().offset(10).limit(10).build().toString());
    assertEquals(
        "SELECT keys,vals FROM \"/foo\" FILTER [KEY > \"/foo/bar\", KEY < \"/foo/bar\"] ORDER [VALUE, KEY] OFFSET 10 LIMIT 10",
        full().build().toString());
    assertEquals(
        "SELECT keys,exps FROM \"/foo\" FILTER [KEY > \"/foo/bar\", KEY < \"/foo/bar\"] ORDER [VALUE, KEY] OFFSET 10 LIMIT 10",
        full().keysOnly(true).returnExpirations(true).build().toString());
    assertEquals("SELECT keys", Query.builder().keysOnly(true).returnsSizes(true).build().toString(), "ReturnsSizes never shows");
    assertEquals("SELECT keys,vals,exps", Query.builder().returnExpirations(true).build().toString());
    assertEquals("SELECT keys,vals", Query.builder().offset(-1).limit(-5).build().toString());
  }

  @Test
  void elementStrings() {
    Query q =
        Query.builder()
            .filters(
                new FilterKeyPrefix("/a\"b"),
                new FilterValueCompare(Op.LESS_THAN_OR_EQUAL, new byte[] {0, 1, 'x', (byte) 0xff}),
                new FilterKeyCompare(Op.NOT_EQUAL, "/k"),
                new FilterKeyCompare(Op.GREATER_THAN_OR_EQUAL, "/k"),
                new FilterKeyCompare(Op.EQUAL, "/k"))
            .orders(Order.BY_KEY_DESCENDING, Order.BY_VALUE_DESCENDING, Order.byFunction((a, b) -> 0))
            .build();
    assertEquals(
        "SELECT keys,vals FILTER [PREFIX(\"/a\\\"b\"), VALUE <= \"\\x00\\x01x\\xff\", KEY != \"/k\", KEY >= \"/k\", KEY == \"/k\"]"
            + " ORDER [desc(KEY), desc(VALUE), FN]",
        q.toString());
  }

  @Test
  void equalityForResultsQueryCheck() {
    assertEquals(full().build(), full().build());
    byte[] v = "v".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Query.builder().filters(new FilterValueCompare(Op.EQUAL, v)).build(),
        Query.builder().filters(new FilterValueCompare(Op.EQUAL, v.clone())).build());
    assertNotEquals(full().build(), full().limit(11).build());
    assertEquals(full().build(), full().build().toBuilder().build());
    assertEquals(List.of(), new Query(null, null, null, 0, 0, false, false, false).filters());
    assertEquals("", new Query(null, null, null, 0, 0, false, false, false).prefix());
  }
}
