package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@link Storage} on a local directory through {@code java.nio.file}. Stateless apart from the root
 * and the closed flag, so it is thread-safe; {@link #close()} only marks it closed (see {@link
 * Storage}, "Closing"). Permissions follow Go's flatfs: temp files 0600, directories 0755, other
 * files 0666 (the umask applies to all).
 */
public final class LocalStorage implements Storage {
  /** Locks held by every LocalStorage of this process, by real path of the lock file. */
  private static final HeldLocks IN_PROCESS = new HeldLocks();

  private final Path root;
  private final boolean posix;
  private volatile boolean closed;

  public LocalStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The directory this storage is rooted at. */
  public Path root() {
    return root;
  }

  /** Whether {@link #close()} was called; its handles check it too. */
  boolean isClosed() {
    return closed;
  }

  /** The host path of {@code path}, after the checks every call makes (open storage, valid path). */
  private Path resolve(String op, String path) throws StorageException {
    StorageChecks.storageOpen(closed, op, path);
    if (path.isEmpty()) {
      return root;
    }
    StoragePaths.check(op, path);
    try {
      return root.resolve(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new StorageException(op, path, "invalid storage path: " + e.getReason(), e);
    }
  }

  private FileAttribute<?>[] perms(String rwx) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(rwx))}
        : new FileAttribute<?>[0];
  }

  @Override
  public WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException {
    Path p = resolve("open", path);
    Set<OpenOption> opts = new java.util.HashSet<>();
    opts.add(StandardOpenOption.WRITE);
    if (mode == CreateMode.EXCLUSIVE) {
      opts.add(StandardOpenOption.CREATE_NEW);
    } else {
      opts.add(StandardOpenOption.CREATE);
      opts.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    String rwx = access == FileAccess.PRIVATE ? "rw-------" : access == FileAccess.READ_ONLY ? "r--r--r--" : "rw-rw-rw-";
    try {
      return new LocalWritableFile(this, path, FileChannel.open(p, opts, perms(rwx)));
    } catch (IOException e) {
      throw LocalErrors.map("open", path, e);
    }
  }

  @Override
  public byte[] readAll(String path) throws StorageException {
    return read(path, 0, Integer.MAX_VALUE);
  }

  @Override
  public byte[] read(String path, long offset, int length) throws StorageException {
    StorageChecks.storageOpen(closed, "read", path);
    StorageChecks.readRange("read", path, offset, length);
    try (FileChannel ch = FileChannel.open(resolve("read", path), StandardOpenOption.READ)) {
      byte[] out = new byte[StorageChecks.readLength("read", path, ch.size(), offset, length)];
      ByteBuffer buf = ByteBuffer.wrap(out);
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
        // keep reading until full or EOF
      }
      if (out.length == 0) {
        ch.read(ByteBuffer.allocate(1), 0); // a directory's size may be 0: make it say EISDIR
      }
      return buf.hasRemaining() ? java.util.Arrays.copyOf(out, buf.position()) : out;
    } catch (IOException e) {
      throw LocalErrors.map("read", path, e);
    }
  }

  @Override
  public FileStat stat(String path) throws StorageException {
    try {
      BasicFileAttributes a = Files.readAttributes(resolve("stat", path), BasicFileAttributes.class);
      return new FileStat(a.isDirectory(), a.size());
    } catch (IOException e) {
      throw LocalErrors.map("stat", path, e);
    }
  }

  @Override
  public DirectoryListing list(String dir) throws StorageException {
    try {
      return new LocalListing(this, dir, Files.newDirectoryStream(resolve("open", dir)));
    } catch (IOException e) {
      throw LocalErrors.map("open", dir, e);
    }
  }

  @Override
  public boolean mkdir(String path) throws StorageException {
    Path p = resolve("mkdir", path);
    if (Files.isDirectory(p)) {
      // The common case for shard dirs; skips the cost of a thrown FileAlreadyExistsException.
      return false;
    }
    try {
      Files.createDirectory(p, perms("rwxr-xr-x"));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw LocalErrors.map("mkdir", path, e);
    }
  }

  @Override
  public void mkdirs(String path) throws StorageException {
    try {
      Files.createDirectories(resolve("mkdir", path), perms("rwxr-xr-x"));
    } catch (FileAlreadyExistsException e) {
      throw StorageChecks.notDirectory("mkdir", path); // what Java says when a file is in the way
    } catch (IOException e) {
      throw LocalErrors.map("mkdir", path, e);
    }
  }

  @Override
  public void rename(String from, String to) throws StorageException {
    Path src = resolve("rename", from);
    Path dst = resolve("rename", to);
    // rename(2) would move a directory; the SPI moves files only (a file over a directory is
    // EISDIR from rename(2) itself).
    if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
      throw StorageChecks.isDirectory("rename", from + " " + to);
    }
    try {
      // On POSIX an atomic move is rename(2), which replaces the target.
      Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LocalErrors.map("rename", from + " " + to, e);
    }
  }

  @Override
  public void delete(String path) throws StorageException {
    try {
      Files.delete(resolve("remove", path));
    } catch (IOException e) {
      throw LocalErrors.map("remove", path, e);
    }
  }

  @Override
  public void deleteTree(String path) throws StorageException {
    Path p = resolve("removeall", path);
    try {
      Files.walkFileTree(
          p,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
              if (exc instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
              if (exc != null && !(exc instanceof NoSuchFileException)) {
                throw exc;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw LocalErrors.map("removeall", path, e);
    }
  }

  @Override
  public void syncDirectory(String dir) throws StorageException {
    try (FileChannel ch = FileChannel.open(resolve("sync", dir), StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw LocalErrors.map("sync", dir, e);
    }
  }

  /**
   * A {@link FileChannel#tryLock} (an fcntl record lock on Linux) on the lock file, opened for
   * writing. Within this process the lock is taken by real path first ({@link HeldLocks}), since a
   * record lock does not exclude its own process.
   */
  @Override
  public StorageLock lock(String path) throws StorageException {
    Path p = resolve("lock", path);
    Path key;
    try {
      key = p.getParent().toRealPath().resolve(p.getFileName());
    } catch (IOException e) {
      throw LocalErrors.map("lock", path, e);
    }
    return IN_PROCESS.acquire(key, describe(path), () -> {
      FileChannel ch;
      try {
        ch = FileChannel.open(p, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), perms("rw-------"));
      } catch (IOException e) {
        throw LocalErrors.map("lock", path, e);
      }
      java.nio.channels.FileLock held;
      try {
        held = ch.tryLock();
      } catch (IOException e) {
        closeQuietly(ch);
        throw LocalErrors.map("lock", path, e);
      } catch (java.nio.channels.OverlappingFileLockException e) {
        closeQuietly(ch);
        throw new LockedException("lock", describe(path), "in use by this process");
      }
      if (held == null) {
        String holder = LockHolders.describe(p);
        closeQuietly(ch);
        throw new LockedException("lock", describe(path), "in use by another process" + holder);
      }
      return () -> {
        try {
          ch.close(); // releases the lock
        } catch (IOException e) {
          throw LocalErrors.map("unlock", path, e);
        }
      };
    });
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // the lock error matters
    }
  }

  @Override
  public String describe(String path) {
    return path.isEmpty() ? root.toString() : root.resolve(path).toString();
  }

  /** Marks the storage closed; there is nothing to release. Open handles keep what they wrote. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "LocalStorage[" + root + "]";
  }

  private static final class LocalListing implements DirectoryListing {
    private final LocalStorage storage;
    private final String dir;
    private final DirectoryStream<Path> stream;
    private final java.util.Iterator<Path> it;
    private boolean closed;

    LocalListing(LocalStorage storage, String dir, DirectoryStream<Path> stream) {
      this.storage = storage;
      this.dir = dir;
      this.stream = stream;
      this.it = stream.iterator();
    }

    @Override
    public String next() throws StorageException {
      StorageChecks.handleOpen(closed, storage.isClosed(), "readdir", dir);
      try {
        return it.hasNext() ? it.next().getFileName().toString() : null;
      } catch (java.nio.file.DirectoryIteratorException e) {
        throw LocalErrors.map("readdir", dir, e.getCause());
      }
    }

    @Override
    public void close() throws StorageException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        stream.close();
      } catch (IOException e) {
        throw LocalErrors.map("close", dir, e);
      }
    }
  }
}
