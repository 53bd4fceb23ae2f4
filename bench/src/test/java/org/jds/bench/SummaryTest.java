package org.jds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static Record rec(int round, String contestant, int ops, double seconds) {
    return new Record(1000, round, "w", contestant, ops, seconds, 10L * round, 8192, 4096);
  }

  @Test
  void medianMinMaxOverRounds() {
    Summary s = new Summary(List.of(rec(0, "x", 100, 1.0), rec(1, "x", 100, 0.5), rec(2, "x", 100, 0.25)));
    Summary.Stat st = s.stat(1000, "w", "x");
    assertEquals(200, st.median(), 1e-9);
    assertEquals(100, st.min(), 1e-9);
    assertEquals(400, st.max(), 1e-9);
    assertEquals(10, st.heapBytes(), 1e-9);
    assertEquals(2.0, st.diskPerStored(), 1e-9);
    assertEquals(3, st.rounds());
    assertNull(s.stat(1000, "w", "y"));
  }

  @Test
  void evenCountTakesTheMiddleMean() {
    assertEquals(2.5, Summary.median(new double[] {4, 1, 3, 2}), 1e-9);
    assertEquals(0, Summary.median(new double[0]), 1e-9);
  }
}
