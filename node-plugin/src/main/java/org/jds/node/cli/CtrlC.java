package org.jds.node.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM turned into a flag that a long command polls, so that it stops at a
 * safe point: its batch committed and its stores closed cleanly. A second signal gets the JVM's own
 * handling (exit at once). Where a signal cannot be handled, it simply never raises the flag.
 * Install and close on one thread; {@link #pressed()} is safe from any.
 */
final class CtrlC implements AutoCloseable {
  private static final String[] SIGNALS = {"INT", "TERM"};

  private final AtomicBoolean pressed = new AtomicBoolean();
  /** The handlers replaced, by signal; a signal missing here was not caught. */
  private final Map<Signal, SignalHandler> previous = new ConcurrentHashMap<>();

  private CtrlC() {
    for (String name : SIGNALS) {
      Signal s = new Signal(name);
      try {
        previous.put(s, Signal.handle(s, sig -> {
          if (!pressed.compareAndSet(false, true)) {
            previous.getOrDefault(sig, SignalHandler.SIG_DFL).handle(sig);
          }
        }));
      } catch (IllegalArgumentException e) {
        // not available here (or reserved, e.g. by -Xrs)
      }
    }
  }

  /** Catches Ctrl-C and SIGTERM from now until {@link #close()}. */
  static CtrlC install() {
    return new CtrlC();
  }

  /** Whether Ctrl-C (or SIGTERM) came since {@link #install()}. */
  boolean pressed() {
    return pressed.get();
  }

  /** Gives each signal back to the handler it had before. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
