package org.jds.blobfs.device;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jds.blobfs.ImageInUseException;
import org.jds.blobfs.datastore.BlobfsImage;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.datastore.DatastoreImages;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every open of an image locks it: one writer, or any number of readers, in this process and across
 * processes. Two writers on one image used to lose each other's puts with fsck saying clean.
 */
class ImageLockTest {
  @TempDir Path tmp;

  private Path image() throws Exception {
    Path img = tmp.resolve("i.img");
    BlobfsImage.create(img, 8L << 20, Geometry.DEFAULT, false).close();
    return img;
  }

  @Test
  void oneWriterOrManyReadersInOneProcess() throws Exception {
    Path img = image();
    try (FileBlockDevice w = FileBlockDevice.open(img, false, 512)) {
      ImageInUseException e = assertThrows(ImageInUseException.class, () -> FileBlockDevice.open(img, false, 512));
      assertTrue(e.getMessage().startsWith(img + ": in use") && e.getMessage().contains("this process"), e.getMessage());
      assertThrows(ImageInUseException.class, () -> FileBlockDevice.open(img, true, 512));
      assertThrows(ImageInUseException.class, () -> FileBlockDevice.create(img, 16L << 20, 512));
      assertEquals(8L << 20, Files.size(img), "a refused create must not grow the image");
    }
    try (FileBlockDevice r1 = FileBlockDevice.open(img, true, 512);
        FileBlockDevice r2 = FileBlockDevice.open(img, true, 512, false)) {
      assertThrows(ImageInUseException.class, () -> FileBlockDevice.open(img, false, 512));
    }
    FileBlockDevice.open(img, false, 512).close();
  }

  @Test
  void aSecondDatastoreOnTheImageIsRefusedAndTheFirstKeepsItsData() throws Exception {
    Path img = image();
    try (RootDatastore<BlobfsStorage> a = DatastoreImages.open(img, null, false)) {
      a.put(Key.of("/A"), "a".getBytes(UTF_8));
      DatastoreException e = assertThrows(DatastoreException.class, () -> DatastoreImages.open(img, null, false));
      assertTrue(e.getMessage().contains(img.toString()) && e.getMessage().contains("in use"), e.getMessage());
      a.put(Key.of("/B"), "b".getBytes(UTF_8));
    }
    try (RootDatastore<BlobfsStorage> a = DatastoreImages.open(img, null, false)) {
      assertTrue(a.has(Key.of("/A")) && a.has(Key.of("/B")));
    }
  }

  @Test
  void aWriterInAnotherProcessIsNamedAndExcludesReaders() throws Exception {
    Path img = image();
    holdIn("rw", img, () -> {
      for (boolean ro : new boolean[] {false, true}) {
        ImageInUseException e = assertThrows(ImageInUseException.class, () -> FileBlockDevice.open(img, ro, 512));
        assertTrue(e.getMessage().contains("pid ") && e.getMessage().contains(ImageHolder.class.getName()), e.getMessage());
      }
    });
    holdIn("ro", img, () -> {
      FileBlockDevice.open(img, true, 512).close(); // readers share
      assertThrows(ImageInUseException.class, () -> FileBlockDevice.open(img, false, 512));
    });
    FileBlockDevice.open(img, false, 512).close();
  }

  interface Check {
    void run() throws Exception;
  }

  /** Runs {@code check} while a child JVM holds the image open in {@code mode}. */
  private static void holdIn(String mode, Path img, Check check) throws Exception {
    Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
            ImageHolder.class.getName(), img.toString(), mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
      assertEquals("READY", out.readLine());
      check.run();
      try (OutputStream in = p.getOutputStream()) {
        in.write('\n');
      }
      assertEquals("CLOSED", out.readLine());
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
