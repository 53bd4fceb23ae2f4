package org.jds.interop;

/** The shard functions exercised, with the layout rule of spec §1.3 (for the test's own checks). */
public enum ShardFn {
  PREFIX_2("prefix", 2),
  SUFFIX_3("suffix", 3),
  NEXT_TO_LAST_2("next-to-last", 2),
  NEXT_TO_LAST_3("next-to-last", 3);

  public final String name;
  public final int n;

  ShardFn(String name, int n) {
    this.name = name;
    this.n = n;
  }

  /** Go's string form, e.g. {@code /repo/flatfs/shard/v1/next-to-last/2}. */
  public String id() {
    return "/repo/flatfs/shard/v1/" + name + "/" + n;
  }

  /** True for the default shard function, the only one that gets a {@code _README}. */
  public boolean isDefault() {
    return this == NEXT_TO_LAST_2;
  }

  /** The shard directory of a key given without its leading slash. */
  public String dir(String noslash) {
    String pad = "_".repeat(n + 1);
    switch (name) {
      case "prefix":
        return (noslash + pad).substring(0, n);
      case "suffix": {
        String s = pad + noslash;
        return s.substring(s.length() - n);
      }
      default: {
        String s = pad + noslash;
        int off = s.length() - n - 1;
        return s.substring(off, off + n);
      }
    }
  }

  @Override
  public String toString() {
    return name + "/" + n;
  }
}
