package org.jds.node.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jds.datastore.DatastoreIOException;

/**
 * Kubo's {@code repo.lock}: an empty file holding a POSIX (fcntl) write lock for as long as a
 * process uses the repo. {@link FileChannel#tryLock()} takes the same kind of lock as go4.org/lock
 * (which kubo uses), so jds and kubo exclude each other. The file stays empty: go4's lock refuses a
 * non-empty one. The lock is released when this object is closed or the process dies.
 *
 * <p>Not thread-safe; one owner.
 */
public final class RepoLock implements AutoCloseable {
  /** Kubo's lock file name. */
  public static final String FILE = "repo.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RepoLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the repo at {@code repo}, creating the empty lock file if missing.
   *
   * @throws RepoLockedException if another process (named, with its pid, when /proc/locks tells) or
   *     this one already holds it
   * @throws DatastoreIOException if the lock file cannot be opened
   */
  public static RepoLock acquire(Path repo) throws RepoLockedException, DatastoreIOException {
    Path file = repo.resolve(FILE);
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new DatastoreIOException("lock " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock l = ch.tryLock();
      if (l != null) {
        return new RepoLock(ch, l);
      }
      long pid = holderPid(file);
      closeQuietly(ch);
      throw new RepoLockedException("lock " + file + ": someone else has the lock" + describe(pid), pid);
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      long self = ProcessHandle.current().pid();
      throw new RepoLockedException("lock " + file + ": someone else has the lock (this process, pid " + self + ")", self);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new DatastoreIOException("lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static String describe(long pid) {
    if (pid < 0) {
      return "";
    }
    String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse(null);
    return " (pid " + pid + (cmd == null ? "" : ", " + cmd) + ")";
  }

  /**
   * The pid that holds a POSIX lock on {@code file} according to /proc/locks (Linux), matched by
   * inode; -1 when unknown. Lines look like {@code 1: POSIX ADVISORY WRITE 4242 fd:01:131 0 EOF}.
   */
  static long holderPid(Path file) {
    try {
      Object ino = Files.getAttribute(file, "unix:ino");
      List<String> lines = Files.readAllLines(Path.of("/proc/locks"));
      for (String line : lines) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 6 && f[1].equals("POSIX")) {
          String[] dev = f[5].split(":");
          if (dev.length == 3 && dev[2].equals(String.valueOf(ino))) {
            return Long.parseLong(f[4]);
          }
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // not Linux, or /proc unreadable: the holder stays unnamed
    }
    return -1;
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // closing a channel that holds no lock: nothing to report
    }
  }

  /** Releases the lock (the file stays, empty, as kubo leaves it). */
  @Override
  public void close() throws DatastoreIOException {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new DatastoreIOException("unlock: " + e.getMessage(), e);
    }
  }
}
