package org.jds.flatfs;


/**
 * A version-1 shard function and its id, Go's {@code ShardIdV1}: {@code
 * /repo/flatfs/shard/v1/<name>/<n>}. Immutable.
 */
public final class ShardId {
  /** Go's {@code PREFIX}. */
  public static final String PREFIX = "/repo/flatfs/shard/";
  private static final String VERSION = "v1";
  public static final String PREFIX_FN = "prefix";
  public static final String SUFFIX_FN = "suffix";
  public static final String NEXT_TO_LAST_FN = "next-to-last";
  private static final char PAD = '_';

  /** Go's {@code IPFS_DEF_SHARD}: next-to-last/2. */
  public static final ShardId DEFAULT = nextToLast(2);

  private final String funName;
  private final int param;

  private ShardId(String funName, int param) {
    this.funName = funName;
    this.param = param;
  }

  /**
   * The first n chars, right-padded with {@code _}. The three factories throw {@link
   * IllegalArgumentException} for a negative n (a programming error; Go panics); input from users
   * goes through {@link #parse}, which reports it as a checked {@link FlatfsException}.
   */
  public static ShardId prefix(int n) {
    return new ShardId(PREFIX_FN, checkParam(n));
  }

  /** The last n chars, left-padded with {@code _}. */
  public static ShardId suffix(int n) {
    return new ShardId(SUFFIX_FN, checkParam(n));
  }

  /** The n chars before the last one, left-padded with {@code _}. */
  public static ShardId nextToLast(int n) {
    return new ShardId(NEXT_TO_LAST_FN, checkParam(n));
  }

  private static int checkParam(int n) {
    if (n < 0) {
      // Go panics in strings.Repeat; a library must not.
      throw new IllegalArgumentException("negative shard parameter: " + n);
    }
    return n;
  }

  public String funName() {
    return funName;
  }

  public int param() {
    return param;
  }

  /** The shard directory name for a key without its slash. */
  public String apply(String noslash) {
    switch (funName) {
      case PREFIX_FN:
        return (noslash + pad(param)).substring(0, param);
      case SUFFIX_FN: {
        String s = pad(param) + noslash;
        return s.substring(s.length() - param);
      }
      default: {
        String s = pad(param + 1) + noslash;
        int off = s.length() - param - 1;
        return s.substring(off, off + param);
      }
    }
  }

  private static String pad(int n) {
    return String.valueOf(PAD).repeat(n);
  }

  /** The id, e.g. {@code /repo/flatfs/shard/v1/next-to-last/2}. */
  @Override
  public String toString() {
    return PREFIX + VERSION + "/" + funName + "/" + param;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardId s && s.funName.equals(funName) && s.param == param;
  }

  @Override
  public int hashCode() {
    return funName.hashCode() * 31 + param;
  }

  /** Go's {@code ParseShardFunc}, with its error texts. */
  public static ShardId parse(String str) throws FlatfsException {
    str = GoStrings.trimSpace(str);
    if (str.isEmpty()) {
      throw bad("empty shard identifier");
    }
    if (!str.startsWith(PREFIX)) {
      throw bad("invalid or no prefix in shard identifier: " + str);
    }
    str = str.substring(PREFIX.length());
    String[] parts = str.split("/", -1);
    if (parts.length != 3) {
      throw bad("invalid shard identifier: " + str);
    }
    if (!parts[0].equals(VERSION)) {
      throw bad("expected 'v1' for version string got: " + parts[0]);
    }
    int param = atoi(parts[2]);
    switch (parts[1]) {
      case PREFIX_FN:
      case SUFFIX_FN:
      case NEXT_TO_LAST_FN:
        if (param < 0) {
          throw bad("invalid parameter: negative value " + param);
        }
        return new ShardId(parts[1], param);
      default:
        throw bad("expected 'prefix', 'suffix' or 'next-to-last' got: " + parts[1]);
    }
  }

  /** Go's {@code strconv.Atoi} with its error text, prefixed {@code invalid parameter: }. */
  private static int atoi(String s) throws FlatfsException {
    String err = GoStrings.atoiError(s);
    if (err != null) {
      throw bad("invalid parameter: " + err);
    }
    return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
  }

  private static FlatfsException bad(String msg) {
    return new FlatfsException(FlatfsException.Reason.BAD_SHARD_ID, msg);
  }

}
