package org.jds.interop;

/** The data sets written by both sides. */
public final class Entries {
  private Entries() {}

  /** The 40 characters flatfs allows in a key (after the leading slash). */
  public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+-_=";

  public static final int MIB = 1 << 20;

  /**
   * A small, realistic set: CID-like base32 keys, short keys that need padding, values from 0
   * bytes to a few KiB, plus (without batches) an overwrite; a put-then-delete and a delete of
   * a missing key in both modes (their batch and sequential outcomes coincide, spec §3.7).
   */
  public static Manifest standard(boolean batch) {
    Manifest m = new Manifest();
    String[] cids = {
      "CIQA4T3TD3BP3C2M3GXCGRCRTCCHV7XSGAZPZJOAOHLPOI6IQR3H6YQ",
      "CIQBED3K6YA5I3QQWLJOCHWXDRK5EXZQILBCKAPEDUJENZ5B5HJ5R3A",
      "CIQHAKDLTL5GMIFGN5YVY4BA22FPHUIODJEXS4LCTQDWA275XAJDAPI",
      "AFKREIA22FLID5AJ2KU7URG47MDLROZIH6YF2KALU2PWEFPVI37YLKRSCA",
      "AFKREIGSZ6SKGHXKN2CS2FYUSRFLUMJ6WSSTNAOQ2X6RQDWWL3PNB3YOZU",
      "BAFKREIFVAHPZ7S4TZLKHQ5IBOHDKBQ6T3XKU7F66QYXOWVP2PQ3TOP2BGE",
      "CIQPF3CHDB5GQ5ZBISOV2GS7KLR4SB4KQWZJ2FF3ZJGEXHDYWLRDYAQ",
      "XXXXXXXXXXXXX===",
    };
    int i = 0;
    for (String c : cids) {
      m.putGen("/" + c, 100 + 397 * i, 1000 + i);
      i++;
    }
    String[] shorts = {"A", "AB", "ABC", "QUUX", "Q0X", "Q1X", "-", "=", "_", "+A+", "1BAR1", "=EMACS-IS-KING="};
    for (String s : shorts) {
      m.putGen("/" + s, i % 5 == 0 ? 0 : i * 13, 2000 + i);
      i++;
    }
    m.putHex("/ONEBYTE", new byte[] {0x2a});
    m.putHex("/EMPTY", new byte[0]);
    m.putGen("/FOURK", 4096, 77);
    m.putGen("/GONE", 321, 78);
    m.delete("/GONE");
    m.delete("/NEVERTHERE");
    if (!batch) {
      m.putGen("/OVERWRITTEN", 5000, 79);
      m.putGen("/OVERWRITTEN", 17, 80);
    }
    return m;
  }

  /**
   * Keys at the edges: every allowed character alone (40 keys of length 1), one key of every
   * length 2..200 cycling through the whole alphabet, values of 0 bytes, 1 byte and 1 MiB.
   */
  public static Manifest edges() {
    Manifest m = new Manifest();
    for (int c = 0; c < ALPHABET.length(); c++) {
      // 0-byte and 1-byte values alternate over the single-character keys
      if (c % 2 == 0) {
        m.putHex("/" + ALPHABET.charAt(c), new byte[0]);
      } else {
        m.putHex("/" + ALPHABET.charAt(c), new byte[] {(byte) c});
      }
    }
    for (int len = 2; len <= 200; len++) {
      StringBuilder k = new StringBuilder("/");
      for (int j = 0; j < len; j++) {
        k.append(ALPHABET.charAt((len * 7 + 1 + j) % ALPHABET.length()));
      }
      int size = switch (len % 4) {
        case 0 -> 0;
        case 1 -> 1;
        case 2 -> len;
        default -> 3 * len + 5;
      };
      m.putGen(k.toString(), size, len);
    }
    m.putGen("/" + ALPHABET, MIB, 4001);
    m.putGen("/MIB-1", MIB, 4002);
    m.putGen("/1MIB", MIB, 4003);
    if (m.expected().size() != m.size()) {
      throw new IllegalStateException("edge keys must be distinct");
    }
    return m;
  }

  /**
   * A LevelDB-sized set (the shape of a kubo {@code datastore}: pins, MFS root, peer records) on
   * top of {@link #standard}: 3,000 small keys with a shared prefix, 6 values of 1 MiB (more than
   * goleveldb's 4 MiB write buffer, so tables are written besides the journal), overwrites and
   * deletes, and keys LevelDB orders bytewise ({@code /a} before {@code /a/b} before {@code /a0}).
   */
  public static Manifest levelDb(boolean batch) {
    Manifest m = standard(batch);
    for (int i = 0; i < 3000; i++) {
      m.putGen(String.format("/pins/pin/K%05d", i), 10 + i % 90, 5000 + i);
    }
    for (int i = 0; i < 6; i++) {
      m.putGen("/big/" + i, MIB, 9000 + i);
    }
    m.putHex("/local/filesroot", new byte[] {0x01, 0x71, 0x12, 0x20});
    m.putGen("/a", 3, 1);
    m.putGen("/a/b", 4, 2);
    m.putGen("/a0", 5, 3);
    m.putGen("/big/2", 17, 9100); // overwrite a 1 MiB value with a small one
    for (int i = 0; i < 3000; i += 7) {
      m.delete(String.format("/pins/pin/K%05d", i));
    }
    return m;
  }
}
