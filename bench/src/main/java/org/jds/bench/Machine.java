package org.jds.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the README must say about the machine of a run: cores, memory, disk, file system. */
final class Machine {
  private Machine() {}

  /**
   * @throws IOException if the file store of {@code dir} cannot be read
   */
  static Map<String, String> describe(Path dir) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("memory", memTotal());
    FileStore fs = Files.getFileStore(dir);
    m.put("disk", fs.name());
    m.put("fileSystem", fs.type());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    // The machine is shared: how busy it was at the start says how far to trust the digits.
    m.put("loadAverage", String.format(Locale.ROOT, "%.1f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return m;
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return line.substring("MemTotal:".length()).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: fall through
    }
    return "unknown";
  }
}
