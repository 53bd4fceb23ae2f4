package org.jds.node.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) turned into a flag that a long command polls, so that it stops at a safe point:
 * its batch committed and its stores closed cleanly. A second Ctrl-C gets the JVM's own handling
 * (exit at once). Where the signal cannot be handled, the flag simply never rises.
 */
final class CtrlC implements AutoCloseable {
  private static final Signal INT = new Signal("INT");

  private final AtomicBoolean pressed = new AtomicBoolean();
  private final SignalHandler previous;

  private CtrlC() {
    SignalHandler old;
    try {
      old = Signal.handle(INT, sig -> {
        if (!pressed.compareAndSet(false, true)) {
          previousHandler().handle(sig);
        }
      });
    } catch (IllegalArgumentException e) {
      old = null; // SIGINT is not available here (or reserved, e.g. by -Xrs)
    }
    previous = old;
  }

  /** Catches Ctrl-C from now until {@link #close()}. */
  static CtrlC install() {
    return new CtrlC();
  }

  private SignalHandler previousHandler() {
    return previous == null ? SignalHandler.SIG_DFL : previous;
  }

  /** Whether Ctrl-C was pressed since {@link #install()}. */
  boolean pressed() {
    return pressed.get();
  }

  /** Gives SIGINT back to the handler it had before. */
  @Override
  public void close() {
    if (previous != null) {
      Signal.handle(INT, previous);
    }
  }
}
