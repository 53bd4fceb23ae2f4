package org.jds.node.cli;

import java.io.PrintWriter;
import org.jds.blobfs.tools.FsckListener;
import org.jds.node.transfer.Progress;

/**
 * {@code jds blobfs fsck}'s progress on stderr through the import's {@link Progress}, one display per
 * phase: {@code fsck: md pages 12000/65536}, then masks, then files. Not thread-safe (fsck checks on
 * one thread).
 */
final class FsckProgress implements FsckListener {
  private final PrintWriter err;
  private final boolean terminal;
  private final long every;
  private Progress current;
  private Phase phase;
  private long done;
  private long total;

  /** @param every without a terminal, one line per this many md pages or files */
  FsckProgress(PrintWriter err, boolean terminal, long every) {
    this.err = err;
    this.terminal = terminal;
    this.every = every;
  }

  @Override
  public void progress(Phase p, long done, long total) {
    if (p != phase) {
      end();
      phase = p;
      current = new Progress(err, terminal, every);
    }
    this.done = done;
    this.total = total;
    current.update(done, this::line);
  }

  /** Finishes the current phase's display (before other output, and at the end). */
  void end() {
    if (current != null) {
      current.finish(line());
      current = null;
      phase = null;
    }
  }

  private String line() {
    return "fsck: " + phase.label() + " " + done + "/" + total;
  }
}
