package org.jds.blobfs.datastore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's crash-atomic replace: killed between the commit of the new name and the delete of
 * the old file, the image holds two files with one name, and load keeps the newer one.
 */
class ReplaceCrashTest {
  @TempDir Path dir;

  private static void write(PureBlobFileSystem fs, String name, String content) throws IOException {
    try (BlobFile f = fs.openFile(name, BlobFileSystem.OPEN_CREATE)) {
      byte[] b = content.getBytes(UTF_8);
      f.write(0, b, 0, b.length);
    }
  }

  private static String read(PureBlobFileSystem fs, String name) throws IOException {
    try (BlobFile f = fs.openFile(name, 0)) {
      byte[] b = new byte[(int) f.length()];
      f.read(0, b, 0, b.length);
      return new String(b, UTF_8);
    }
  }

  @Test
  void aReplaceCutAfterItsCommitKeepsTheNewFile() throws Exception {
    Path img = dir.resolve("r.img");
    FileBlockDevice dev = FileBlockDevice.create(img, 8L << 20, 512);
    PureBlobFileSystem fs = PureBlobFileSystem.mkfs(dev, new BsOptions().clusterSize(4096).numMdPages(256));
    write(fs, "/KEY.data", "old");
    write(fs, "/.temp/temp-1", "new");
    fs.replaceFile("/KEY.data", "/KEY.data.bak", () -> {}); // gives the old file a generation too
    fs.replaceFile("/KEY.data.bak", "/KEY.data", () -> {});
    assertThrows(IOException.class, () -> fs.replaceFile("/.temp/temp-1", "/KEY.data", () -> {
      throw new IOException("killed");
    }));
    dev.close(); // the process dies: no unload, the old file was never deleted

    try (PureBlobFileSystem again = PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512))) {
      assertEquals(List.of("/KEY.data"), again.list());
      assertEquals("new", read(again, "/KEY.data"));
      assertEquals(List.of(), again.orphans());
    }
    assertEquals(List.of(), Fsck.check(img));
  }
}
