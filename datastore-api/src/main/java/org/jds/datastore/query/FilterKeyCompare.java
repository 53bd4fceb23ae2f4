package org.jds.datastore.query;

import org.jds.datastore.Bytewise;

/** Compares the entry key with {@code key}, bytewise. */
public record FilterKeyCompare(Op op, String key) implements Filter {
  @Override
  public boolean filter(Entry e) {
    return op.test(Bytewise.compare(e.key(), key));
  }

  @Override
  public String toString() {
    return "KEY " + op + " " + GoQuote.quote(key);
  }
}
