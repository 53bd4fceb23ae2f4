package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.junit.jupiter.api.Test;

/** {@code Key.toJson}/{@code fromJson} against the real go-datastore {@code MarshalJSON}/{@code UnmarshalJSON}. */
class KeyJsonTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Key strings with every class of character Go's encoding/json treats specially. */
  private static final List<String> KEYS =
      List.of(
          "", "/", "/a/b", "a//b/../c/", "/with space", "/quote\"backslash\\slash/", "/html<>&", "/ctl\u0000\u0001\u001f\u007f",
          "/named\b\f\n\r\t", "/sep\u2028\u2029", "/\u00fcn\u00efc\u00f6d\u00e9", "/emoji\uD83D\uDE00", "/cjk\u4e2d\u6587",
          "/" + "x".repeat(300));

  /** JSON texts to read back: valid, odd and invalid. */
  private static final List<String> JSON =
      List.of(
          "\"/a\"", " \"/a/b/\" ", "\"a/../b\"", "null", "\"\"", "\"\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\"", "\"\\ud83d\\ude00\"",
          "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ude00\\ud83d\"", "\"\\u00E9\"", "\"\\u00g9\"", "\"\\x\"", "\"unterminated", "12",
          "true", "{}", "\"a\" \"b\"", "\"tab\tinside\"", "", "   ", "\"\u00e9\"", "\"\\u2028<>&\"");

  @Test
  void marshalIsGosByteForByte() {
    StringBuilder in = new StringBuilder();
    for (String k : KEYS) {
      in.append("m ").append(HEX.formatHex(k.getBytes(StandardCharsets.UTF_8))).append('\n');
    }
    List<String> go = GoHarness.get().run(in.toString().getBytes(StandardCharsets.UTF_8), "keyjson").ok().out().lines().toList();
    assertEquals(KEYS.size(), go.size());
    for (int i = 0; i < KEYS.size(); i++) {
      String goJson = new String(HEX.parseHex(go.get(i)), StandardCharsets.UTF_8);
      assertEquals(goJson, Key.of(KEYS.get(i)).toJson(), "MarshalJSON of " + KEYS.get(i));
    }
  }

  @Test
  void unmarshalIsGos() throws InvalidKeyException {
    StringBuilder in = new StringBuilder();
    for (String j : JSON) {
      in.append("u ").append(HEX.formatHex(j.getBytes(StandardCharsets.UTF_8))).append('\n');
    }
    List<String> go = GoHarness.get().run(in.toString().getBytes(StandardCharsets.UTF_8), "keyjson").ok().out().lines().toList();
    assertEquals(JSON.size(), go.size());
    for (int i = 0; i < JSON.size(); i++) {
      String j = JSON.get(i);
      if (go.get(i).equals("err")) {
        assertThrows(InvalidKeyException.class, () -> Key.fromJson(j), "Go refuses " + j);
      } else {
        String goKey = new String(HEX.parseHex(go.get(i).substring(3)), StandardCharsets.UTF_8);
        assertEquals(goKey, Key.fromJson(j).toString(), "UnmarshalJSON of " + j);
      }
    }
  }
}
