package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.InvalidKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterOrderTest {
  private static Entry e(String key, byte[] value) {
    return new Entry(key, value);
  }

  /** op, entry key, filter key, expected. */
  @ParameterizedTest(name = "{1} {0} {2} = {3}")
  @CsvSource({
    "==,/a,/a,true", "==,/a,/b,false", "!=,/a,/b,true", "!=,/a,/a,false",
    ">,/b,/a,true", ">,/a,/a,false", ">=,/a,/a,true", ">=,/a,/b,false",
    "<,/a,/b,true", "<,/b,/a,false", "<=,/a,/a,true", "<=,/b,/a,false",
    "<,/a-b,/a/b,true", "<,/0key0,/2,true", "<,/prefix/0key0,/2,false"
  })
  void keyCompare(String op, String key, String against, boolean expected) throws InvalidKeyException {
    assertEquals(expected, new FilterKeyCompare(Op.parse(op), against).filter(e(key, null)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"==,false,true,false", "!=,true,false,true", ">,true,false,false", ">=,true,true,false", "<,false,false,true", "<=,false,true,true"})
  void valueCompareAllOps(String op, boolean above, boolean equal, boolean below) throws InvalidKeyException {
    Op o = Op.parse(op);
    byte[] ref = {0x10, 0x20};
    // unsigned: 0xff sorts above 0x10
    assertEquals(above, new FilterValueCompare(o, ref).filter(e("/k", new byte[] {(byte) 0xff})));
    assertEquals(equal, new FilterValueCompare(o, ref).filter(e("/k", new byte[] {0x10, 0x20})));
    assertEquals(below, new FilterValueCompare(o, ref).filter(e("/k", new byte[] {0x10})));
  }

  @Test
  void nilValueEqualsEmpty() {
    assertTrue(new FilterValueCompare(Op.EQUAL, new byte[0]).filter(e("/k", null)));
    assertTrue(new FilterValueCompare(Op.EQUAL, null).filter(e("/k", new byte[0])));
  }

  @Test
  void keyPrefixIsRaw() {
    FilterKeyPrefix f = new FilterKeyPrefix("/a");
    assertTrue(f.filter(e("/abce", null)));
    assertTrue(f.filter(e("/a", null)));
    assertTrue(f.filter(e("/a/b", null)));
    assertFalse(f.filter(e("/b/a", null)));
  }

  @Test
  void opParsing() throws InvalidKeyException {
    for (Op op : Op.values()) {
      assertEquals(op, Op.parse(op.symbol()));
      assertEquals(op.symbol(), op.toString());
    }
    InvalidKeyException ex = assertThrows(InvalidKeyException.class, () -> Op.parse("~"));
    assertEquals("unknown op '~'", ex.getMessage());
  }

  @Test
  void orders() {
    Entry a = e("/a", new byte[] {2});
    Entry b = e("/b", new byte[] {1});
    assertEquals(-1, Order.BY_KEY.compare(a, b));
    assertEquals(1, Order.BY_KEY_DESCENDING.compare(a, b));
    assertEquals(1, Order.BY_VALUE.compare(a, b));
    assertEquals(-1, Order.BY_VALUE_DESCENDING.compare(a, b));
    assertEquals("KEY", Order.BY_KEY.toString());
    assertEquals("desc(VALUE)", Order.BY_VALUE_DESCENDING.toString());
  }

  @Test
  void compareFallsBackToKeyAndHonoursAnyNonZero() {
    Entry a = e("/a", new byte[] {1});
    Entry b = e("/b", new byte[] {1});
    assertEquals(-1, Order.compare(List.of(Order.BY_VALUE), a, b), "tie broken by key");
    assertEquals(1, Order.compare(List.of(Order.BY_VALUE, Order.BY_KEY_DESCENDING), a, b));
    // Go's Compare: any non-zero value decides and is returned as is.
    Order two = Order.byFunction((x, y) -> x.key().equals("/a") ? 2 : -2);
    assertEquals(2, Order.compare(List.of(two, Order.BY_KEY_DESCENDING), a, b));
    assertEquals(-2, Order.compare(List.of(two, Order.BY_KEY_DESCENDING), b, a));
    Order minusOne = Order.byFunction((x, y) -> x.key().equals("/a") ? 1 : -1);
    assertEquals(1, Order.compare(List.of(minusOne), a, b));
  }

  @Test
  void lessHonoursOnlyMinusOneAndOneLikeGo() {
    Entry a = e("/a", new byte[] {1});
    Entry b = e("/b", new byte[] {1});
    Order two = Order.byFunction((x, y) -> x.key().equals("/a") ? 2 : -2);
    assertTrue(Order.less(List.of(two), a, b), "2 is a tie for Less: the key decides");
    assertFalse(Order.less(List.of(two, Order.BY_KEY_DESCENDING), a, b));
  }

  @Test
  void sortUsesMagnitudes() {
    // The example: values 30, 10, 20, 15 under a - b sort as Go's /b /d /c /a.
    List<Entry> entries = new ArrayList<>();
    int[] v = {30, 10, 20, 15};
    for (int i = 0; i < 4; i++) {
      entries.add(e("/" + (char) ('a' + i), new byte[] {(byte) v[i]}));
    }
    Order byDiff = Order.byFunction((x, y) -> x.value()[0] - y.value()[0]);
    Order.sort(List.of(byDiff), entries);
    assertEquals(List.of("/b", "/d", "/c", "/a"), entries.stream().map(Entry::key).toList());
  }
}
