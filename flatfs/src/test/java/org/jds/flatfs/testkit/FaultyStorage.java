package org.jds.flatfs.testkit;

import java.util.concurrent.atomic.AtomicLong;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.NoSpaceException;
import org.jds.flatfs.storage.ReadOnlyStorageException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.WritableFile;

/**
 * A {@link Storage} wrapper that injects faults: every call first asks the current {@link Fault},
 * which may throw. Works over any backend, so fault tests need no root privileges or real full disk.
 */
public final class FaultyStorage implements Storage {
  /**
   * Decides whether an operation fails. {@code op} is the SPI method name ({@code rename} is checked
   * twice: as {@code rename} with the source, then as {@code renameTo} with the target); {@code
   * bytes} is the length of a write, else 0.
   */
  @FunctionalInterface
  public interface Fault {
    void check(String op, String path, long bytes) throws StorageException;
  }

  /** Operations that change the storage (a writer's lock needs write access too). */
  public static boolean isMutation(String op) {
    return switch (op) {
      case "createTemp", "create", "write", "mkdir", "mkdirs", "rename", "renameTo", "delete", "deleteTree", "lock" -> true;
      default -> false;
    };
  }

  /** A disk that fills up once {@code capacity} bytes have been written through this wrapper. */
  public static Fault diskFullAfter(long capacity) {
    AtomicLong used = new AtomicLong();
    return (op, path, bytes) -> {
      if (op.equals("write") && used.addAndGet(bytes) > capacity) {
        throw new NoSpaceException(op, path, null);
      }
    };
  }

  /** A storage on which every change is refused. */
  public static Fault readOnly() {
    return (op, path, bytes) -> {
      if (isMutation(op)) {
        throw new ReadOnlyStorageException(op, path, "read-only file system", null);
      }
    };
  }

  /**
   * Sees every directory listing's life: {@code open} (after {@link #list} succeeded), each {@code
   * next} (before the inner listing's), and {@code close} (once per listing, however often closed),
   * on the thread that makes the call. For tests that count open handles or act mid-walk.
   */
  @FunctionalInterface
  public interface ListingHook {
    void event(String what, String dir);
  }

  private final Storage inner;
  private volatile Fault fault = (op, path, bytes) -> {};
  private volatile ListingHook listingHook = (what, dir) -> {};

  public FaultyStorage(Storage inner) {
    this.inner = inner;
  }

  public FaultyStorage inject(Fault f) {
    this.fault = f;
    return this;
  }

  public FaultyStorage onListing(ListingHook h) {
    this.listingHook = h;
    return this;
  }

  public FaultyStorage heal() {
    return inject((op, path, bytes) -> {});
  }

  @Override
  public WritableFile createTemp(String dir, String prefix) throws StorageException {
    fault.check("createTemp", dir, 0);
    return wrap(inner.createTemp(dir, prefix));
  }

  @Override
  public WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException {
    fault.check("create", path, 0);
    return wrap(inner.create(path, mode, access));
  }

  private WritableFile wrap(WritableFile f) {
    return new WritableFile() {
      @Override
      public String path() {
        return f.path();
      }

      @Override
      public void write(byte[] data, int offset, int length) throws StorageException {
        fault.check("write", f.path(), length);
        f.write(data, offset, length);
      }

      @Override
      public void sync() throws StorageException {
        fault.check("sync", f.path(), 0);
        f.sync();
      }

      @Override
      public void close() throws StorageException {
        f.close();
      }
    };
  }

  @Override
  public byte[] readAll(String path) throws StorageException {
    fault.check("readAll", path, 0);
    return inner.readAll(path);
  }

  @Override
  public byte[] read(String path, long offset, int length) throws StorageException {
    fault.check("read", path, 0);
    return inner.read(path, offset, length);
  }

  @Override
  public FileStat stat(String path) throws StorageException {
    fault.check("stat", path, 0);
    return inner.stat(path);
  }

  @Override
  public DirectoryListing list(String dir) throws StorageException {
    fault.check("list", dir, 0);
    DirectoryListing l = inner.list(dir);
    ListingHook hook = listingHook;
    hook.event("open", dir);
    return new DirectoryListing() {
      private boolean closed;

      @Override
      public String next() throws StorageException {
        hook.event("next", dir);
        return l.next();
      }

      @Override
      public void close() throws StorageException {
        if (!closed) {
          closed = true;
          hook.event("close", dir);
        }
        l.close();
      }
    };
  }

  @Override
  public boolean mkdir(String path) throws StorageException {
    fault.check("mkdir", path, 0);
    return inner.mkdir(path);
  }

  @Override
  public void mkdirs(String path) throws StorageException {
    fault.check("mkdirs", path, 0);
    inner.mkdirs(path);
  }

  @Override
  public void rename(String from, String to) throws StorageException {
    fault.check("rename", from, 0);
    fault.check("renameTo", to, 0);
    inner.rename(from, to);
  }

  @Override
  public void delete(String path) throws StorageException {
    fault.check("delete", path, 0);
    inner.delete(path);
  }

  @Override
  public void deleteTree(String path) throws StorageException {
    fault.check("deleteTree", path, 0);
    inner.deleteTree(path);
  }

  @Override
  public void syncDirectory(String dir) throws StorageException {
    fault.check("syncDirectory", dir, 0);
    inner.syncDirectory(dir);
  }

  @Override
  public org.jds.flatfs.storage.StorageLock lock(String path) throws StorageException {
    fault.check("lock", path, 0);
    return inner.lock(path);
  }

  @Override
  public String describe(String path) {
    return inner.describe(path);
  }

  @Override
  public void close() throws StorageException {
    inner.close();
  }
}
