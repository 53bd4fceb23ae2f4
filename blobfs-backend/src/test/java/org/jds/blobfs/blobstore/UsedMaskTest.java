package org.jds.blobfs.blobstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UsedMask} against a plain BitSet: same bits, count and clear-bit searches. */
class UsedMaskTest {
  @Test
  void randomSetsClearsAndSearchesMatchABitSet() {
    Random rnd = new Random(11);
    BitSet start = new BitSet();
    start.set(0, 40);
    start.set(70);
    UsedMask m = new UsedMask((BitSet) start.clone());
    BitSet model = (BitSet) start.clone();
    for (int i = 0; i < 20_000; i++) {
      int bit = rnd.nextInt(300);
      switch (rnd.nextInt(4)) {
        case 0, 1 -> {
          m.set(bit);
          model.set(bit);
        }
        case 2 -> {
          m.clear(bit);
          model.clear(bit);
        }
        default -> {
          // allocation as the writer does it: the lowest clear bit at or above a start
          int from = rnd.nextInt(4) == 0 ? rnd.nextInt(300) : 0;
          int got = m.nextClearBit(from);
          assertEquals(model.nextClearBit(from), got, "nextClearBit(" + from + ") at step " + i);
          m.set(got);
          model.set(got);
        }
      }
      assertEquals(model.cardinality(), m.cardinality(), "count at step " + i);
      assertEquals(model.get(bit), m.get(bit));
    }
    assertEquals(model, m.bits());
    assertEquals(model, m.copy());
  }
}
