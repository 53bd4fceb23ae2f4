package org.jds.datastore.query;

import java.util.Arrays;
import org.jds.datastore.Bytewise;

/** Compares the entry value with {@code value}, unsigned bytewise; null equals empty. */
public record FilterValueCompare(Op op, byte[] value) implements Filter {
  @Override
  public boolean filter(Entry e) {
    return op.test(Bytewise.compare(e.value(), value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterValueCompare f && f.op == op && Arrays.equals(f.value, value);
  }

  @Override
  public int hashCode() {
    return op.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "VALUE " + op + " " + GoQuote.quote(value);
  }
}
