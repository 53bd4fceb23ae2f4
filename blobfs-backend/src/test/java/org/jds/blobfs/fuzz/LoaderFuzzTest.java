package org.jds.blobfs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.blobstore.BlobOptions;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.MemoryBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the loader (super block, masks, md pages, extent pages): any outcome but success or a
 * {@link BlobfsException} is a bug. Normal test runs replay the seeds in
 * {@code LoaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn -pl blobfs-backend test -Dtest=LoaderFuzzTest}
 * fuzzes for the configured duration.
 */
class LoaderFuzzTest {
  private static final byte[] IMAGE = buildImage();
  /** Inputs run, and those whose image loaded: a loader that refused everything must not pass. */
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger LOADED = new AtomicInteger();

  @AfterAll
  static void someDamagedImagesLoaded() {
    if (RUNS.get() > 0) {
      assertTrue(LOADED.get() > 0, "none of " + RUNS.get() + " inputs loaded");
    }
  }

  /** The undamaged image loads with its four blobs (the base every input patches). */
  @Test
  void baseImageLoads() throws IOException {
    try (Blobstore bs = Blobstore.load(new MemoryBlockDevice(IMAGE.clone(), 512, true), null)) {
      assertEquals(4, bs.blobIds().size());
    }
  }

  private static byte[] buildImage() {
    try {
      MemoryBlockDevice dev = new MemoryBlockDevice(2 << 20, 512);
      try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(dev, 65536)) {
        for (int i = 0; i < 3; i++) {
          try (BlobFile f = fs.openFile("/f" + i, BlobFileSystem.OPEN_CREATE)) {
            f.write(0, new byte[70000 * i + 5], 0, 70000 * i + 5);
          }
        }
        fs.blobstore().createBlob(new BlobOptions().numClusters(3).thin(true).useExtentTable(false).xattr("k", new byte[3000])).close();
      }
      return dev.array().clone();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void fuzzLoader(FuzzedDataProvider data) throws IOException {
    RUNS.incrementAndGet();
    byte[] img = IMAGE.clone();
    int region = data.consumeInt(0, 7);
    boolean reseal = data.consumeBoolean();
    // 0: super block, 1..3: masks, 4..7: md pages 0..3 (roots, chain and extent pages)
    int page = region == 0 ? 0 : region <= 3 ? region : 4 + (region - 4);
    int at = data.consumeInt(0, 4095);
    byte[] patch = data.consumeBytes(4096 - at);
    System.arraycopy(patch, 0, img, page * 4096 + at, patch.length);
    if (reseal) {
      CRC32C c = new CRC32C();
      c.update(img, page * 4096, 4092);
      int v = (int) c.getValue();
      for (int i = 0; i < 4; i++) img[page * 4096 + 4092 + i] = (byte) (v >>> (8 * i));
    }
    MemoryBlockDevice dev = new MemoryBlockDevice(img, 512, true);
    try (Blobstore bs = Blobstore.load(dev, null)) {
      for (long id : bs.blobIds()) {
        try (var b = bs.openBlob(id)) {
          byte[] buf = new byte[(int) Math.min(b.size(), 1 << 16)];
          b.read(0, buf, 0, buf.length);
        } catch (BlobfsException expected) {
          // damaged blob: a checked error is the right outcome
        }
      }
      Fsck.check(bs, new java.util.ArrayList<>());
      LOADED.incrementAndGet();
    } catch (BlobfsException expected) {
      // damaged store: a checked error is the right outcome
    }
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(new MemoryBlockDevice(img, 512, true))) {
      for (String n : fs.list()) fs.stat(n);
    } catch (BlobfsException expected) {
      // a checked error is fine
    }
  }
}
