package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who holds a lock on a file, for the message of a refused lock. Linux only ({@code /proc/locks}
 * lists every lock with the holder's pid and the file's device and inode); elsewhere, or when the
 * holder is not visible (another pid namespace), the answer is empty.
 */
public final class LockHolders {
  /** Linux's table of file locks: {@code N: KIND ADVISORY MODE PID MAJ:MIN:INODE START END}. */
  static final Path PROC_LOCKS = Path.of("/proc/locks");
  /** How much of a holder's command line a message shows. */
  private static final int CMDLINE_MAX = 200;
  /** Java options whose value (a class path) is left out of a shown command line. */
  private static final java.util.Set<String> CLASS_PATH_OPTIONS = java.util.Set.of("-cp", "-classpath", "--class-path");

  private LockHolders() {}

  /**
   * " (held by pid N: COMMAND LINE)" for the first holder of a lock on {@code file}, " (held by
   * this process)" when that is us, or "" when unknown. Never throws.
   */
  public static String describe(Path file) {
    try {
      long ino = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
      long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
      String id = String.format("%02x:%02x:%d", major(dev), minor(dev), ino);
      List<String> lines = Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII);
      for (String line : lines) {
        String[] f = line.replace("->", " ").trim().split("\\s+");
        if (f.length >= 6 && f[5].equals(id)) {
          long pid = Long.parseLong(f[4]);
          if (pid <= 0) {
            continue;
          }
          if (pid == ProcessHandle.current().pid()) {
            return " (held by this process)";
          }
          return " (held by pid " + pid + cmdline(pid) + ")";
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc, no unix attribute view, or an unexpected line: the message goes without a holder
    }
    return "";
  }

  /** The holder's command line, without a class path (long, and says little). */
  private static String cmdline(long pid) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      StringBuilder s = new StringBuilder();
      String[] args = new String(b, StandardCharsets.UTF_8).split("\0");
      for (int i = 0; i < args.length; i++) {
        if (CLASS_PATH_OPTIONS.contains(args[i])) {
          i++;
          continue;
        }
        s.append(s.length() == 0 ? "" : " ").append(args[i]);
      }
      String t = s.length() > CMDLINE_MAX ? s.substring(0, CMDLINE_MAX) + "..." : s.toString();
      return t.isEmpty() ? "" : ": " + t;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** glibc's gnu_dev_major of a user-space dev_t. */
  static long major(long dev) {
    return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
  }

  /** glibc's gnu_dev_minor of a user-space dev_t. */
  static long minor(long dev) {
    return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
  }
}
