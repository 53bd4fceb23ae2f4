package org.jds.flatfs;

import java.nio.charset.StandardCharsets;

/**
 * The {@code diskUsage.cache} format: what Go's {@code json.Encoder.Encode} writes for {@code
 * {DiskUsage int64 "diskUsage"; Accuracy string "accuracy"}}, i.e. {@code
 * {"diskUsage":6357,"accuracy":"initial-exact"}\n}; and a decoder with {@code json.Unmarshal}'s
 * leniency (case-insensitive names, unknown fields ignored).
 */
final class DiskUsageJson {
  private DiskUsageJson() {}

  static final String FIELD_DISK_USAGE = "diskUsage";
  static final String FIELD_ACCURACY = "accuracy";

  /** A decoded file. A field absent (or null) in the file keeps the caller's previous value. */
  record Value(Long diskUsage, String accuracy) {}

  static byte[] encode(long diskUsage, String accuracy) {
    String s = "{\"" + FIELD_DISK_USAGE + "\":" + diskUsage + ",\"" + FIELD_ACCURACY + "\":" + quote(accuracy) + "}\n";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Go's JSON string encoding, HTML-safe as the default Encoder is. */
  static String quote(String s) {
    return GoJsonString.quote(s);
  }

  /**
   * Decodes the file.
   *
   * @throws IllegalArgumentException on a syntax error, a non-integer diskUsage or a non-string
   *     accuracy (all of which Go's Unmarshal rejects)
   */
  static Value decode(byte[] data) {
    JsonReader r = new JsonReader(new String(data, StandardCharsets.UTF_8));
    Long du = null;
    String acc = null;
    r.skipWs();
    r.expect('{');
    r.skipWs();
    if (!r.tryConsume('}')) {
      do {
        r.skipWs();
        String name = r.readString();
        r.skipWs();
        r.expect(':');
        r.skipWs();
        if (name.equalsIgnoreCase(FIELD_DISK_USAGE)) {
          Object v = r.readValue();
          if (v != null) {
            du = toInt64(v);
          }
        } else if (name.equalsIgnoreCase(FIELD_ACCURACY)) {
          Object v = r.readValue();
          if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("accuracy is not a string");
          }
          if (v != null) {
            acc = (String) v;
          }
        } else {
          r.readValue();
        }
        r.skipWs();
      } while (r.tryConsume(','));
      r.expect('}');
    }
    r.skipWs();
    r.expectEnd();
    return new Value(du, acc);
  }

  private static long toInt64(Object v) {
    if (!(v instanceof JsonReader.Number n) || !n.text().matches("-?(0|[1-9][0-9]*)")) {
      throw new IllegalArgumentException("diskUsage is not an integer");
    }
    return Long.parseLong(n.text());
  }
}
