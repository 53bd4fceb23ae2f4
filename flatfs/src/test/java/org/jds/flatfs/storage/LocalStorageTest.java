package org.jds.flatfs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the local backend can show: Go's file modes (§1.5) and errno mapping. */
class LocalStorageTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void filesGetGosModes() throws Exception {
    LocalStorage s = new LocalStorage(dir);
    try (FlatfsDatastore fs = FlatfsDatastore.createOrOpen(s, "ds", ShardId.DEFAULT, false)) {
      fs.put(Key.of("/QUUX"), new byte[] {1});
      var b = fs.batch();
      b.put(Key.of("/QAAX"), new byte[] {2});
      b.commit();
    }
    Set<PosixFilePermission> put = Files.getPosixFilePermissions(dir.resolve("ds/UU/QUUX.data"));
    assertEquals("rw-------", mode(dir.resolve("ds/UU/QUUX.data")), put.toString());
    assertEquals("rw-------", mode(dir.resolve("ds/diskUsage.cache")));
    assertTrue(mode(dir.resolve("ds/_README")).matches("r--r-?-r-?-"), mode(dir.resolve("ds/_README")));
    // batch files: 0666 minus umask, so at least owner read/write
    assertTrue(mode(dir.resolve("ds/AA/QAAX.data")).startsWith("rw-"));
    assertTrue(mode(dir.resolve("ds/UU")).startsWith("rwx"));
    assertTrue(Files.isRegularFile(dir.resolve("ds/SHARDING")));
  }

  @Test
  void errorsAreMapped() throws Exception {
    LocalStorage s = new LocalStorage(dir);
    NoSuchPathException e = assertThrows(NoSuchPathException.class, () -> s.readAll("missing"));
    assertEquals("read missing: no such file or directory", e.getMessage());
    assertEquals(0, e.getStackTrace().length);
    s.mkdir("d");
    StorageException isDir = assertThrows(StorageException.class, () -> s.readAll("d"));
    assertEquals("is a directory", isDir.reason());
    assertInstanceOf(StorageException.class, assertThrows(StorageException.class, () -> s.stat("../escape")));
    assertThrows(StorageException.class, () -> s.stat("nul\0byte"));
  }

  /** A read whose result cannot be one array is a checked error; a small range of a big file is not. */
  @Test
  void aFileLargerThanAnArrayIsACheckedError() throws Exception {
    LocalStorage s = new LocalStorage(dir);
    long size = 3L << 30; // sparse: takes no space
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("big").toFile(), "rw")) {
      f.setLength(size);
    }
    assertEquals(StorageChecks.FILE_TOO_LARGE, assertThrows(StorageException.class, () -> s.readAll("big")).reason());
    assertEquals(StorageChecks.FILE_TOO_LARGE,
        assertThrows(StorageException.class, () -> s.read("big", 1, Integer.MAX_VALUE)).reason());
    assertEquals(5, s.read("big", size - 5, 10).length);
    assertEquals(10, s.read("big", 1L << 31, 10).length);
  }
}
