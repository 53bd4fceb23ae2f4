package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
 * {@link Storage} on a local directory through {@code java.nio.file}. Stateless apart from the root,
 * so it is thread-safe and {@link #close()} does nothing. Permissions follow Go's flatfs: temp files
 * 0600, directories 0755, other files 0666 (the umask applies to all).
 */
public final class LocalStorage implements Storage {
  /** Locks held by every LocalStorage of this process, by real path of the lock file. */
  private static final HeldLocks IN_PROCESS = new HeldLocks();

  private final Path root;
  private final boolean posix;

  public LocalStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The directory this storage is rooted at. */
  public Path root() {
    return root;
  }

  private Path resolve(String path) throws StorageException {
    if (path.isEmpty()) {
      return root;
    }
    StoragePaths.check("resolve", path);
    try {
      return root.resolve(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new StorageException("resolve", path, "invalid storage path: " + e.getReason(), e);
    }
  }

  private FileAttribute<?>[] perms(String rwx) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(rwx))}
        : new FileAttribute<?>[0];
  }

  @Override
  public WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException {
    Path p = resolve(path);
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
      return new LocalWritableFile(path, FileChannel.open(p, opts, perms(rwx)));
    } catch (IOException e) {
      throw LocalErrors.map("open", path, e);
    }
  }

  @Override
  public byte[] readAll(String path) throws StorageException {
    try {
      return Files.readAllBytes(resolve(path));
    } catch (IOException e) {
      throw LocalErrors.map("read", path, e);
    }
  }

  @Override
  public byte[] read(String path, long offset, int length) throws StorageException {
    try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, Math.min(length, ch.size() - offset)));
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
        // keep reading until full or EOF
      }
      byte[] out = new byte[buf.position()];
      buf.flip().get(out);
      return out;
    } catch (IOException e) {
      throw LocalErrors.map("read", path, e);
    }
  }

  @Override
  public FileStat stat(String path) throws StorageException {
    try {
      BasicFileAttributes a = Files.readAttributes(resolve(path), BasicFileAttributes.class);
      return new FileStat(a.isDirectory(), a.size());
    } catch (IOException e) {
      throw LocalErrors.map("stat", path, e);
    }
  }

  @Override
  public DirectoryListing list(String dir) throws StorageException {
    try {
      return new LocalListing(dir, Files.newDirectoryStream(resolve(dir)));
    } catch (IOException e) {
      throw LocalErrors.map("open", dir, e);
    }
  }

  @Override
  public boolean mkdir(String path) throws StorageException {
    Path p = resolve(path);
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
      Files.createDirectories(resolve(path), perms("rwxr-xr-x"));
    } catch (IOException e) {
      throw LocalErrors.map("mkdir", path, e);
    }
  }

  @Override
  public void rename(String from, String to) throws StorageException {
    try {
      // On POSIX an atomic move is rename(2), which replaces the target.
      Files.move(resolve(from), resolve(to), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LocalErrors.map("rename", from + " " + to, e);
    }
  }

  @Override
  public void delete(String path) throws StorageException {
    try {
      Files.delete(resolve(path));
    } catch (IOException e) {
      throw LocalErrors.map("remove", path, e);
    }
  }

  @Override
  public void deleteTree(String path) throws StorageException {
    Path p = resolve(path);
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
    try (FileChannel ch = FileChannel.open(resolve(dir), StandardOpenOption.READ)) {
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
    Path p = resolve(path);
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

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "LocalStorage[" + root + "]";
  }

  private static final class LocalListing implements DirectoryListing {
    private final String dir;
    private final DirectoryStream<Path> stream;
    private final java.util.Iterator<Path> it;

    LocalListing(String dir, DirectoryStream<Path> stream) {
      this.dir = dir;
      this.stream = stream;
      this.it = stream.iterator();
    }

    @Override
    public String next() throws StorageException {
      try {
        return it.hasNext() ? it.next().getFileName().toString() : null;
      } catch (java.nio.file.DirectoryIteratorException e) {
        throw LocalErrors.map("readdir", dir, e.getCause());
      }
    }

    @Override
    public void close() throws StorageException {
      try {
        stream.close();
      } catch (IOException e) {
        throw LocalErrors.map("close", dir, e);
      }
    }
  }
}
