package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jds.datastore.DeadlineExceededException;
import org.junit.jupiter.api.Test;

class CancellableIteratorTest {
  /** Endless entries; pull() can run a hook; records where and how often release() ran. */
  static final class Walk extends CancellableIterator {
    final AtomicInteger pulls = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    volatile boolean pulling;
    volatile boolean releasedWhilePulling;
    volatile Thread releasedOn;
    volatile Runnable atPull;

    Walk(Instant deadline) {
      super(deadline);
    }

    @Override
    protected Result pull() {
      pulling = true;
      try {
        int n = pulls.incrementAndGet();
        Runnable r = atPull;
        if (r != null) {
          r.run();
        }
        return stopped() ? null : Result.of(new Entry("/k" + n, null));
      } finally {
        pulling = false;
      }
    }

    @Override
    protected void release() {
      releasedWhilePulling |= pulling;
      releasedOn = Thread.currentThread();
      releases.incrementAndGet();
    }
  }

  @Test
  void closeWhileIdleReleasesOnTheClosingThread() throws Exception {
    Walk w = new Walk(null);
    assertNotNull(w.next());
    AtomicReference<Thread> closer = new AtomicReference<>();
    Thread t = new Thread(() -> {
      closer.set(Thread.currentThread());
      w.close();
    });
    t.start();
    t.join();
    assertEquals(1, w.releases.get());
    assertSame(closer.get(), w.releasedOn);
    assertNull(w.next());
    w.close();
    assertEquals(1, w.releases.get(), "release runs once");
    assertEquals(1, w.pulls.get(), "no pull after close");
  }

  @Test
  void closeDuringPullLeavesTheReleaseToTheConsumer() throws Exception {
    Walk w = new Walk(null);
    CountDownLatch closed = new CountDownLatch(1);
    w.atPull = () -> {
      Thread t = new Thread(() -> {
        w.close();
        closed.countDown();
      });
      t.start();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertEquals(0, w.releases.get(), "released while pull() runs");
    };
    assertNull(w.next(), "the result pulled during the close is dropped");
    assertEquals(1, w.releases.get());
    assertSame(Thread.currentThread(), w.releasedOn);
    assertFalse(w.releasedWhilePulling);
  }

  @Test
  void deadlineGivesOneErrorThenTheEnd() {
    Walk w = new Walk(Instant.now().minusMillis(1));
    Result r = w.next();
    assertInstanceOf(DeadlineExceededException.class, r.error());
    assertNull(w.next());
    assertEquals(0, w.pulls.get());
    assertEquals(1, w.releases.get());
  }

  @Test
  void manyConcurrentClosesReleaseOnce() throws Exception {
    for (int round = 0; round < 200; round++) {
      Walk w = new Walk(null);
      w.next();
      Thread[] ts = new Thread[4];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = new Thread(w::close);
        ts[i].start();
      }
      while (w.next() != null) {
        // consumer keeps pulling while the closers race
      }
      for (Thread t : ts) {
        t.join();
      }
      assertEquals(1, w.releases.get(), "round " + round);
      assertFalse(w.releasedWhilePulling, "round " + round);
      assertTrue(w.pulls.get() >= 1);
    }
  }
}
