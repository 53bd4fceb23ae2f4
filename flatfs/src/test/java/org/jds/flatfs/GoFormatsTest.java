package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Go formats flatfs reproduces: durations, the diskUsage.cache JSON, TrimSpace and Atoi. */
class GoFormatsTest {
  @Test
  void durations() {
    assertEquals("5m0s", GoDuration.format(FlatfsOptions.DISK_USAGE_CALC_TIMEOUT));
    assertEquals("1h2m3s", GoDuration.format(Duration.ofSeconds(3723)));
    assertEquals("2s", GoDuration.format(Duration.ofSeconds(2)));
    assertEquals("0s", GoDuration.format(Duration.ZERO));
  }

  @Test
  void diskUsageJson() {
    assertEquals("{\"diskUsage\":6357,\"accuracy\":\"initial-exact\"}\n",
        new String(DiskUsageJson.encode(6357, Accuracy.EXACT), UTF_8));
    assertEquals("{\"diskUsage\":0,\"accuracy\":\"\"}\n", new String(DiskUsageJson.encode(0, ""), UTF_8));
    assertEquals("\"a\\\"b\\\\\\u003c\\n\\u0001\"", DiskUsageJson.quote("a\"b\\<\n\u0001"));
    DiskUsageJson.Value v = DiskUsageJson.decode(" {\"diskusage\":42,\"x\":{\"y\":[true,null,\"s\"]}} ".getBytes(UTF_8));
    assertEquals(42L, v.diskUsage());
    assertNull(v.accuracy());
    assertThrows(IllegalArgumentException.class, () -> DiskUsageJson.decode("{\"diskUsage\":1e3}".getBytes(UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> DiskUsageJson.decode("{\"accuracy\":5}".getBytes(UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> DiskUsageJson.decode("{\"diskUsage\":1} x".getBytes(UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> DiskUsageJson.decode("".getBytes(UTF_8)));
  }

  @Test
  void trimSpaceAndAtoi() {
    assertEquals("x y", GoStrings.trimSpace("\t\r\n x y\u00a0\u0085 \n"));
    assertNull(GoStrings.atoiError("-12"));
    assertNull(GoStrings.atoiError("+7"));
    assertEquals("strconv.Atoi: parsing \"\": invalid syntax", GoStrings.atoiError(""));
    assertEquals("strconv.Atoi: parsing \"1.5\": invalid syntax", GoStrings.atoiError("1.5"));
  }

  @Test
  void accuracyMerge() {
    assertEquals(Accuracy.UNKNOWN, Accuracy.combine(Accuracy.UNKNOWN, Accuracy.EXACT));
    assertEquals(Accuracy.TIMED_OUT, Accuracy.combine(Accuracy.APPROXIMATE, Accuracy.TIMED_OUT));
    assertEquals(Accuracy.APPROXIMATE, Accuracy.combine(Accuracy.EXACT, Accuracy.APPROXIMATE));
    assertEquals(Accuracy.EXACT, Accuracy.combine("", Accuracy.EXACT));
    assertEquals("custom", Accuracy.combine("custom", ""));
    assertEquals(Accuracy.UNKNOWN, Accuracy.combine("custom", Accuracy.EXACT));
  }
}
