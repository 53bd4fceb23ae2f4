package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An in-memory device that loses what a power loss may lose. Reads see every write; {@link
 * #crashImage} returns what a disk could hold after power was cut: everything up to the last
 * {@link #flush()}, then, of the writes since, whole barrier epochs in order and of the first
 * epoch not kept whole a random subset applied in random order (a disk cache reorders freely
 * between barriers). Writes are atomic (no torn sectors). {@link #dieAfter} makes the device fail
 * every call once a number of modifications went through, as a power cut in the middle of an
 * operation does. Thread-safe.
 */
public final class LossyBlockDevice implements BlockDevice {
  /** A write, unmap or discard (zeros) not yet flushed. */
  private record Mod(long offset, byte[] data) {}

  private final byte[] durable;
  private final byte[] current;
  private final int blockSize;
  /** Unflushed modifications by barrier epoch; the last list is the open epoch. */
  private final List<List<Mod>> epochs = new ArrayList<>();
  private long modsLeft = Long.MAX_VALUE;
  private long flushes;
  private long barriers;

  public LossyBlockDevice(int size, int blockSize) {
    this.durable = new byte[size];
    this.current = new byte[size];
    this.blockSize = blockSize;
    epochs.add(new ArrayList<>());
  }

  /** After {@code n} more modifications every call fails, as on a device that lost power. */
  public synchronized void dieAfter(long n) {
    modsLeft = n;
  }

  public synchronized boolean dead() {
    return modsLeft < 0;
  }

  public synchronized long flushes() {
    return flushes;
  }

  public synchronized long barriers() {
    return barriers;
  }

  /** What the disk may hold after a power loss now, one of the outcomes chosen by {@code rnd}. */
  public synchronized byte[] crashImage(Random rnd) {
    byte[] img = durable.clone();
    int cut = rnd.nextInt(epochs.size());
    for (int e = 0; e < cut; e++) {
      for (Mod m : epochs.get(e)) apply(img, m);
    }
    List<Mod> some = new ArrayList<>(epochs.get(cut));
    Collections.shuffle(some, rnd);
    for (Mod m : some.subList(0, rnd.nextInt(some.size() + 1))) apply(img, m);
    return img;
  }

  /** Writes not yet flushed (for tests that check a crash had something to lose). */
  public synchronized int unflushed() {
    int n = 0;
    for (List<Mod> e : epochs) n += e.size();
    return n;
  }

  private static void apply(byte[] img, Mod m) {
    System.arraycopy(m.data, 0, img, (int) m.offset, m.data.length);
  }

  private void checkAlive() throws IOException {
    if (modsLeft < 0) throw new IOException("device lost power");
  }

  private void modify(long offset, byte[] data) throws IOException {
    checkAlive();
    if (offset < 0 || offset + data.length > current.length) throw new IOException("I/O beyond the device");
    if (modsLeft-- == 0) {
      modsLeft = -1;
      throw new IOException("device lost power");
    }
    Mod m = new Mod(offset, data);
    apply(current, m);
    epochs.get(epochs.size() - 1).add(m);
  }

  @Override
  public long size() {
    return current.length;
  }

  @Override
  public int blockSize() {
    return blockSize;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public synchronized void read(long offset, ByteBuffer dst) throws IOException {
    checkAlive();
    int avail = (int) Math.max(0, Math.min(dst.remaining(), current.length - offset));
    if (avail > 0) dst.put(current, (int) offset, avail);
    while (dst.hasRemaining()) dst.put((byte) 0);
  }

  @Override
  public synchronized void write(long offset, ByteBuffer src) throws IOException {
    byte[] data = new byte[src.remaining()];
    src.get(data);
    modify(offset, data);
  }

  @Override
  public synchronized void flush() throws IOException {
    checkAlive();
    flushes++;
    for (List<Mod> e : epochs) {
      for (Mod m : e) apply(durable, m);
    }
    epochs.clear();
    epochs.add(new ArrayList<>());
  }

  @Override
  public synchronized void barrier() throws IOException {
    checkAlive();
    barriers++;
    if (!epochs.get(epochs.size() - 1).isEmpty()) epochs.add(new ArrayList<>());
  }

  @Override
  public synchronized boolean tryUnmap(long offset, long length) throws IOException {
    discard(offset, length);
    return true;
  }

  @Override
  public synchronized void discard(long offset, long length) throws IOException {
    modify(offset, new byte[(int) length]);
  }

  /** Nothing to release; the contents stay readable for {@link #crashImage}. */
  @Override
  public void close() {}
}
