package org.jds.node.transfer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Progress of a long command (import, fsck) on stderr: on a terminal, one line redrawn in place at
 * most 5 times a second; otherwise a plain line each time the count passes a multiple of
 * {@code every}, so logs get periodic lines at a rate that does not depend on the machine. The
 * caller says what the line reads. Not thread-safe.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long every;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long printed;

  /** @param every plain mode: one line per this many items */
  public Progress(PrintWriter err, boolean terminal, long every) {
    this.err = err;
    this.terminal = terminal;
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

  /**
   * Called as the work advances; {@code line} is asked for the text only when a line is drawn.
   *
   * @param count items done so far (non-decreasing)
   */
  public void update(long count, Supplier<String> line) {
    if (terminal) {
      long now = System.nanoTime();
      if (now - lastDraw >= REDRAW_NANOS) {
        lastDraw = now;
        err.print("\r" + line.get() + "\033[K");
        err.flush();
      }
    } else if (count / every > printed) {
      printed = count / every;
      err.println(line.get());
      err.flush();
    }
  }

  /** Ends the progress display: on a terminal the line is drawn a last time and finished with a newline. */
  public void finish(String line) {
    if (terminal) {
      err.print("\r" + line + "\033[K\n");
      err.flush();
    }
  }

  /** Seconds since this display started (at least a millisecond, so rates stay finite). */
  public double seconds() {
    return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
  }
}
