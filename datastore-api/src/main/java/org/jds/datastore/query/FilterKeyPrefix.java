package org.jds.datastore.query;

/** Keeps keys that start with {@code prefix} as raw strings ({@code /a} matches {@code /abc}). */
public record FilterKeyPrefix(String prefix) implements Filter {
  @Override
  public boolean filter(Entry e) {
    return e.key().startsWith(prefix);
  }

  @Override
  public String toString() {
    return "PREFIX(" + GoQuote.quote(prefix) + ")";
  }
}
