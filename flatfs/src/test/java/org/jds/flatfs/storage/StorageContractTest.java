package org.jds.flatfs.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.jds.flatfs.testkit.StorageFactories;
import org.junit.jupiter.api.Test;

/** The {@link Storage} contract every backend must meet, run on the configured backend. */
class StorageContractTest extends FlatfsTestBase {
  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private void write(Storage s, String path, String content) throws StorageException {
    try (WritableFile f = s.create(path, CreateMode.TRUNCATE, FileAccess.DEFAULT)) {
      f.write(b(content));
    }
  }

  @Test
  void filesAndDirectories() throws Exception {
    Storage s = storage();
    assertTrue(s.mkdir("d"));
    assertFalse(s.mkdir("d"));
    assertThrows(NoSuchPathException.class, () -> s.mkdir("x/y"));
    assertThrows(NoSuchPathException.class, () -> s.create("x/f", CreateMode.TRUNCATE, FileAccess.DEFAULT));
    write(s, "d/f", "hello");
    assertEquals(new FileStat(false, 5), s.stat("d/f"));
    assertTrue(s.stat("d").directory());
    assertTrue(s.stat("").directory());
    assertArrayEquals(b("hello"), s.readAll("d/f"));
    assertArrayEquals(b("ell"), s.read("d/f", 1, 3));
    assertArrayEquals(b("lo"), s.read("d/f", 3, 100));
    assertThrows(PathExistsException.class, () -> s.create("d/f", CreateMode.EXCLUSIVE, FileAccess.DEFAULT));
    write(s, "d/f", "hi");
    assertArrayEquals(b("hi"), s.readAll("d/f"));
    assertThrows(NoSuchPathException.class, () -> s.readAll("d/none"));
    assertThrows(NoSuchPathException.class, () -> s.stat("d/none"));
    assertFalse(s.exists("d/none"));
    assertThrows(StorageException.class, () -> s.delete("d"));
    s.delete("d/f");
    assertThrows(NoSuchPathException.class, () -> s.delete("d/f"));
    s.delete("d");
    assertFalse(s.exists("d"));
  }

  /** A path outside the storage path rules is refused by every operation, and nothing changes. */
  @Test
  void invalidPathsAreRefusedWithAClearError() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    write(s, "d/f", "kept");
    for (String bad : new String[] {"/abs", "../escape", "d/../d/f", "d//f", "d/./f", "d/", ".", ".."}) {
      for (ThrowingOp op : new ThrowingOp[] {
          () -> s.stat(bad),
          () -> s.readAll(bad),
          () -> s.create(bad, CreateMode.TRUNCATE, FileAccess.DEFAULT).close(),
          () -> s.mkdir(bad),
          () -> s.list(bad).close(),
          () -> s.delete(bad),
          () -> s.rename("d/f", bad)}) {
        StorageException e = assertThrows(StorageException.class, op::run, bad);
        assertFalse(e instanceof NoSuchPathException, bad + ": " + e);
        assertTrue(e.getMessage().contains("invalid storage path"), e.getMessage());
      }
    }
    assertArrayEquals(b("kept"), s.readAll("d/f"));
  }

  private interface ThrowingOp {
    void run() throws Exception;
  }

  @Test
  void renameReplacesAtomically() throws Exception {
    Storage s = storage();
    s.mkdirs("a/b");
    write(s, "a/src", "new");
    write(s, "a/b/dst", "old");
    s.rename("a/src", "a/b/dst");
    assertArrayEquals(b("new"), s.readAll("a/b/dst"));
    assertFalse(s.exists("a/src"));
    assertThrows(NoSuchPathException.class, () -> s.rename("a/src", "a/b/dst"));
  }

  @Test
  void tempFilesAndListing() throws Exception {
    Storage s = storage();
    s.mkdir("t");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      try (WritableFile f = s.createTemp("t", "temp-")) {
        assertTrue(f.path().startsWith("t/temp-"), f.path());
        assertTrue(f.path().substring("t/temp-".length()).matches("[0-9]+"), f.path());
        f.write(b("x"));
        f.sync();
        names.add(StoragePaths.name(f.path()));
      }
    }
    assertEquals(20, names.size());
    s.mkdir("t/sub");
    Set<String> listed = new HashSet<>();
    try (DirectoryListing l = s.list("t")) {
      for (String n = l.next(); n != null; n = l.next()) {
        listed.add(n);
      }
      assertNull(l.next());
    }
    names.add("sub");
    assertEquals(names, listed);
    assertThrows(NoSuchPathException.class, () -> s.list("none"));
    s.syncDirectory("t");
    s.syncDirectory("");
    s.deleteTree("t");
    assertFalse(s.exists("t"));
    s.deleteTree("t");
  }

  private static void assertClosed(String reason, ThrowingOp op) {
    StorageClosedException e = assertThrows(StorageClosedException.class, op::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }

  /** A closed handle refuses writes and syncs with the same checked error on every backend. */
  @Test
  void aClosedFileOrListingRefusesUse() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    WritableFile f = s.create("d/f", CreateMode.TRUNCATE, FileAccess.DEFAULT);
    f.write(b("ab"));
    f.close();
    assertClosed(StorageClosedException.HANDLE_CLOSED, () -> f.write(b("c")));
    assertClosed(StorageClosedException.HANDLE_CLOSED, f::sync);
    f.close();
    assertEquals("d/f", f.path());
    assertArrayEquals(b("ab"), s.readAll("d/f"));
    DirectoryListing l = s.list("d");
    l.close();
    assertClosed(StorageClosedException.HANDLE_CLOSED, l::next);
    l.close();
  }

  /**
   * After close, every call but close and describe fails with {@link StorageClosedException}; open
   * handles refuse writes but close quietly, and what they wrote before is kept.
   */
  @Test
  void aClosedStorageRefusesEveryCall() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    write(s, "d/f", "kept");
    WritableFile open = s.create("d/open", CreateMode.TRUNCATE, FileAccess.DEFAULT);
    open.write(b("xy"));
    DirectoryListing listing = s.list("d");
    StorageLock lock = s.lock("d/lock");
    s.close();
    String closed = StorageClosedException.STORAGE_CLOSED;
    for (ThrowingOp op : new ThrowingOp[] {
        () -> s.stat("d/f"),
        () -> s.exists("d/f"),
        () -> s.readAll("d/f"),
        () -> s.read("d/f", 0, 1),
        () -> s.create("d/new", CreateMode.TRUNCATE, FileAccess.DEFAULT).close(),
        () -> s.createTemp("d", "t-").close(),
        () -> s.list("d").close(),
        () -> s.mkdir("e"),
        () -> s.mkdirs("e/f"),
        () -> s.rename("d/f", "d/g"),
        () -> s.delete("d/f"),
        () -> s.deleteTree("d"),
        () -> s.syncDirectory("d"),
        () -> s.lock("d/lock2").close(),
        () -> open.write(b("z")),
        open::sync,
        listing::next}) {
      assertClosed(closed, op);
    }
    open.close();
    listing.close();
    lock.close();
    s.close();
    assertTrue(s.describe("d/f").contains("d"), s.describe("d/f"));
    try (Storage again = StorageFactories.current().open(hostDir.resolve("storage"))) {
      assertArrayEquals(b("kept"), again.readAll("d/f"));
      assertArrayEquals(b("xy"), again.readAll("d/open"));
      assertFalse(again.exists("e"));
      again.lock("d/lock").close(); // released by the close above
    }
  }

  private static void assertInvalidArgument(ThrowingOp op, String what) {
    StorageException e = assertThrows(StorageException.class, op::run, what);
    assertTrue(e.reason().startsWith(StorageChecks.INVALID_ARGUMENT), what + ": " + e);
  }

  /**
   * A negative offset or length, a range past {@link Long#MAX_VALUE} or a slice outside the buffer
   * is a checked "invalid argument", checked before the path; a range past the end of the file is
   * not an error (fewer or no bytes).
   */
  @Test
  void badOffsetsAndLengthsAreCheckedErrors() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    write(s, "d/f", "hello");
    long[][] bad = {{-1, 1}, {0, -1}, {Long.MIN_VALUE, 0}, {Long.MAX_VALUE, 1}, {Long.MAX_VALUE - 1, 2}};
    for (long[] r : bad) {
      String what = r[0] + "+" + r[1];
      assertInvalidArgument(() -> s.read("d/f", r[0], (int) r[1]), what);
      assertInvalidArgument(() -> s.read("d/none", r[0], (int) r[1]), what + " of a missing file");
    }
    assertArrayEquals(new byte[0], s.read("d/f", 5, 0));
    assertArrayEquals(new byte[0], s.read("d/f", 6, 10));
    assertArrayEquals(new byte[0], s.read("d/f", Long.MAX_VALUE, 0));
    assertArrayEquals(new byte[0], s.read("d/f", Long.MAX_VALUE - 10, 10));
    assertArrayEquals(b("hello"), s.read("d/f", 0, Integer.MAX_VALUE));

    byte[] data = b("0123");
    try (WritableFile f = s.create("d/f", CreateMode.TRUNCATE, FileAccess.DEFAULT)) {
      int[][] slices = {{-1, 1}, {0, -1}, {0, 5}, {4, 1}, {1, Integer.MAX_VALUE}, {Integer.MAX_VALUE, 1},
          {Integer.MIN_VALUE, 0}};
      for (int[] sl : slices) {
        assertInvalidArgument(() -> f.write(data, sl[0], sl[1]), sl[0] + "+" + sl[1]);
      }
      assertInvalidArgument(() -> f.write(null, 0, 0), "null data");
      assertInvalidArgument(() -> f.write(null), "null data");
      f.write(data, 4, 0);
      f.write(data, 1, 2);
    }
    assertArrayEquals(b("12"), s.readAll("d/f"));
  }

  /**
   * A directory is never renamed, nor replaced by a file: {@code rename} moves files only (it is
   * atomic, and a flat backend cannot move a tree atomically). Refused with "is a directory",
   * before any other check on the target, and nothing changes.
   */
  @Test
  void renamingADirectoryIsRefused() throws Exception {
    Storage s = storage();
    s.mkdirs("a/b");
    write(s, "a/b/f", "x");
    s.mkdir("empty");
    write(s, "g", "y");
    String[][] refused = {{"a", "z"}, {"a/b", "b"}, {"a", "empty"}, {"empty", "z"}, {"a", "g"}, {"a", "none/z"},
        {"", "z"}, {"g", "empty"}, {"g", "a"}, {"a/b/f", "empty"}};
    for (String[] r : refused) {
      StorageException e = assertThrows(StorageException.class, () -> s.rename(r[0], r[1]), r[0] + " -> " + r[1]);
      assertEquals(StorageChecks.IS_A_DIRECTORY, e.reason(), r[0] + " -> " + r[1] + ": " + e);
    }
    assertArrayEquals(b("x"), s.readAll("a/b/f"));
    assertArrayEquals(b("y"), s.readAll("g"));
    assertTrue(s.stat("empty").directory());
    assertTrue(s.stat("a/b").directory());
    assertFalse(s.exists("z"));
    assertFalse(s.exists("b"));
    try (DirectoryListing l = s.list("empty")) {
      assertNull(l.next());
    }
  }

  /**
   * A file open for writing shows every byte a returned {@code write} appended, at once and to every
   * reader (stat, read, readAll, exists), before any sync or close; a TRUNCATE shows it empty at
   * once.
   */
  @Test
  void aFileBeingWrittenShowsWhatWasWrittenSoFar() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    write(s, "d/f", "old content");
    try (WritableFile w = s.create("d/f", CreateMode.TRUNCATE, FileAccess.DEFAULT)) {
      assertEquals(new FileStat(false, 0), s.stat("d/f"));
      assertArrayEquals(new byte[0], s.readAll("d/f"));
      w.write(b("abc"));
      assertEquals(new FileStat(false, 3), s.stat("d/f"));
      assertArrayEquals(b("abc"), s.readAll("d/f"));
      assertArrayEquals(b("bc"), s.read("d/f", 1, 10));
      w.write(b("de"));
      assertArrayEquals(b("abcde"), s.readAll("d/f"));
      w.sync();
      assertArrayEquals(b("abcde"), s.readAll("d/f"));
      w.write(b("f"));
      assertArrayEquals(b("ef"), s.read("d/f", 4, 10));
    }
    assertArrayEquals(b("abcdef"), s.readAll("d/f"));
    try (WritableFile w = s.create("d/new", CreateMode.EXCLUSIVE, FileAccess.DEFAULT)) {
      assertTrue(s.exists("d/new"));
      assertArrayEquals(new byte[0], s.readAll("d/new"));
      w.write(b("x"));
      assertArrayEquals(b("x"), s.readAll("d/new"));
    }
  }

  /**
   * A reader racing the writer sees a prefix of what is being written, never other bytes, and at
   * least what the writes that returned before the read began appended. The writer waits at
   * checkpoints until a read that started after them is done, so reads do overlap the growth.
   */
  @Test
  void aReaderRacingTheWriterSeesAPrefix() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    int chunk = 3001;
    int chunks = 400; // 1.2 MB: past a cluster or page boundary on every backend
    byte[] all = new byte[chunk * chunks];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (1 + (i * 7 + i / 4093) % 251); // never 0: unwritten bytes cannot pass
    }
    AtomicLong acked = new AtomicLong();
    AtomicLong readsStarted = new AtomicLong();
    AtomicLong readsDone = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (WritableFile w = s.create("d/f", CreateMode.TRUNCATE, FileAccess.DEFAULT)) {
      Future<?> reader = pool.submit(() -> {
        for (long n = 0; writing.get(); n++) {
          readsStarted.incrementAndGet();
          long a = acked.get();
          long size = s.stat("d/f").size();
          assertTrue(size >= a && size <= all.length, "size " + size + " after " + a + " acknowledged");
          byte[] got = n % 16 == 0 ? s.readAll("d/f") : s.read("d/f", Math.max(0, a - 2 * chunk), 4 * chunk);
          long from = n % 16 == 0 ? 0 : Math.max(0, a - 2 * chunk);
          assertTrue(from + got.length >= a, "read " + got.length + " from " + from + " after " + a + " acknowledged");
          assertArrayEquals(Arrays.copyOfRange(all, (int) from, (int) from + got.length), got, "at " + from);
          readsDone.incrementAndGet();
        }
        return null;
      });
      for (int i = 0; i < chunks; i++) {
        w.write(all, i * chunk, chunk);
        acked.set((long) (i + 1) * chunk);
        if (i % 50 == 49) {
          w.sync();
        }
        if (i % 20 == 0) {
          long mark = readsStarted.get();
          while (readsDone.get() <= mark && !reader.isDone()) {
            Thread.onSpinWait(); // until a read that began after this write is done
          }
        }
      }
      writing.set(false);
      reader.get();
      assertTrue(readsDone.get() >= chunks / 20, readsDone.get() + " reads");
      assertArrayEquals(all, s.readAll("d/f"));
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(all, s.readAll("d/f"));
  }

  private static void assertReason(String reason, ThrowingOp op, String what) {
    StorageException e = assertThrows(StorageException.class, op::run, what);
    assertEquals(reason, e.reason(), what + ": " + e);
  }

  /** The errors the Javadoc's {@code @throws} lists name are the same on every backend. */
  @Test
  void wrongKindsOfPathAreReportedAlike() throws Exception {
    Storage s = storage();
    s.mkdir("d");
    write(s, "d/f", "x");
    assertReason("is a directory", () -> s.readAll("d"), "readAll of a directory");
    assertReason("is a directory", () -> s.read("d", 0, 1), "read of a directory");
    assertReason("is a directory", () -> s.create("d", CreateMode.TRUNCATE, FileAccess.DEFAULT).close(), "create");
    assertReason("not a directory", () -> s.list("d/f").close(), "list of a file");
    assertReason("not a directory", () -> s.mkdir("d/f/x"), "mkdir below a file");
    assertReason("not a directory", () -> s.mkdirs("d/f"), "mkdirs over a file");
    assertReason("not a directory", () -> s.mkdirs("d/f/x/y"), "mkdirs below a file");
    assertReason("not a directory", () -> s.create("d/f/x", CreateMode.TRUNCATE, FileAccess.DEFAULT).close(),
        "create below a file");
    for (String below : new String[] {"d/f/x", "d/f/x/y"}) {
      for (ThrowingOp op : new ThrowingOp[] {
          () -> s.stat(below),
          () -> s.exists(below),
          () -> s.readAll(below),
          () -> s.read(below, 0, 1),
          () -> s.list(below).close(),
          () -> s.delete(below),
          () -> s.create(below, CreateMode.EXCLUSIVE, FileAccess.DEFAULT).close(),
          () -> s.mkdir(below),
          () -> s.rename("d/f", below),
          () -> s.syncDirectory(below),
          () -> s.lock(below + "/lock").close()}) {
        assertReason("not a directory", op, "below a file: " + below);
      }
    }
    assertReason("directory not empty", () -> s.delete("d"), "delete of a full directory");
    assertThrows(NoSuchPathException.class, () -> s.syncDirectory("none"));
    assertThrows(NoSuchPathException.class, () -> s.lock("none/lock").close());
    assertThrows(NoSuchPathException.class, () -> s.list("none/x").close());
    assertThrows(NoSuchPathException.class, () -> s.read("none", 0, 1));
    assertThrows(NoSuchPathException.class, () -> s.createTemp("none", "t-").close());
    try (StorageLock l = s.lock("d/lock")) {
      assertThrows(LockedException.class, () -> s.lock("d/lock").close());
    }
    s.lock("d/lock").close();
    assertArrayEquals(b("x"), s.readAll("d/f"));
  }

  @Test
  void pathsAreJoinedLikeGo() {
    assertEquals("a/b", StoragePaths.join("a", "", "b"));
    assertEquals("b", StoragePaths.join("", "b"));
    assertEquals("", StoragePaths.join("", ""));
    assertEquals("c", StoragePaths.name("a/b/c"));
    assertEquals("a/b", StoragePaths.parent("a/b/c"));
    assertEquals("", StoragePaths.parent("c"));
  }
}
