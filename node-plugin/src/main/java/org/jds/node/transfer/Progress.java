package org.jds.node.transfer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Import progress on stderr: on a terminal, one line redrawn in place at most 5 times a second
 * (count, bytes, rate, ETA); otherwise a plain line every {@code every} blocks, so logs get
 * periodic lines at a rate that does not depend on the machine. Not thread-safe.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream err;
  private final boolean terminal;
  private final long every;
  private final BlockSource source;
  private final long total;
  private final long start = System.nanoTime();
  private long lastDraw;

  /**
   * @param source the source: its block count, or else its byte size and position, give the ETA
   * @param every plain mode: one line per this many blocks
   */
  public Progress(PrintStream err, boolean terminal, BlockSource source, long every) {
    this.err = err;
    this.terminal = terminal;
    this.source = source;
    this.total = source.totalBlocks();
    this.every = Math.max(1, every);
  }

  /** Whether this process's stderr is a terminal (Linux: fd 2 links to a tty device). */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false; // not Linux: treat as a log
    }
  }

  /** Called after each block. */
  public void update(ImportStats s) {
    if (terminal) {
      long now = System.nanoTime();
      if (now - lastDraw >= REDRAW_NANOS) {
        lastDraw = now;
        err.print("\r" + line(s) + "\033[K");
        err.flush();
      }
    } else if (s.seen() % every == 0) {
      err.println(line(s));
      err.flush();
    }
  }

  /** Ends the progress display (the terminal line is finished with a newline). */
  public void finish(ImportStats s) {
    if (terminal) {
      err.print("\r" + line(s) + "\033[K\n");
      err.flush();
    }
  }

  String line(ImportStats s) {
    double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    double rate = s.seen() / secs;
    StringBuilder b = new StringBuilder();
    b.append(s.seen());
    if (total >= 0) {
      b.append('/').append(total);
    }
    b.append(" blocks, ").append(mb(s.importedBytes())).append(" imported, ")
        .append(String.format("%.0f blocks/s, %s/s", rate, mb((long) (s.importedBytes() / secs))));
    long eta = -1;
    if (total >= 0 && rate > 0) {
      eta = (long) ((total - s.seen()) / rate);
    } else if (source.totalBytes() > 0 && source.position() > 0) {
      eta = (long) (secs * (source.totalBytes() - source.position()) / source.position());
    }
    if (eta >= 0) {
      b.append(String.format(", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
    }
    b.append(" (skipped ").append(s.skipped()).append(", bad ").append(s.bad().size()).append(')');
    return b.toString();
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}
