package org.jds.blobfs.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.ReadOnlyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlockDeviceTest {
  @TempDir Path tmp;

  @Test
  void positionalIoDiscardAndFlush() throws IOException {
    Path f = tmp.resolve("dev.img");
    try (FileBlockDevice d = FileBlockDevice.create(f, 4 << 20, 512)) {
      assertEquals(4 << 20, d.size());
      assertEquals(512, d.blockSize());
      byte[] data = new byte[3 << 20];
      java.util.Arrays.fill(data, (byte) 7);
      d.write(0, ByteBuffer.wrap(data));
      d.flush();
      d.discard(1 << 20, 1 << 20);
      byte[] got = new byte[3 << 20];
      d.read(0, ByteBuffer.wrap(got));
      for (int i = 0; i < got.length; i++) assertEquals(i >= (1 << 20) && i < (2 << 20) ? 0 : 7, got[i], "byte " + i);
      assertThrows(InvalidArgumentException.class, () -> d.write((4 << 20) - 1, ByteBuffer.wrap(new byte[2])));
    }
    try (FileBlockDevice ro = FileBlockDevice.open(f, true, 512)) {
      assertThrows(ReadOnlyException.class, () -> ro.write(0, ByteBuffer.wrap(new byte[1])));
      assertThrows(ReadOnlyException.class, () -> ro.discard(0, 4096));
      byte[] b = new byte[16];
      ro.read((4 << 20) - 8, ByteBuffer.wrap(b)); // past the end reads zeros
      assertArrayEquals(new byte[16], b);
    }
    assertThrows(InvalidArgumentException.class, () -> FileBlockDevice.open(f, true, 1000));
  }

  @Test
  void nativeHelpersLoadOnLinuxAndPunchHoles() throws IOException {
    // jnr-ffi is a declared dependency: on Linux the libc binding must load.
    assertTrue(NativeIo.available(), "jnr-ffi libc binding did not load");
    Path f = tmp.resolve("punch.img");
    Files.write(f, new byte[1 << 20]);
    int fd = NativeIo.open(f.toString(), true);
    try {
      assertTrue(fd >= 0);
      assertTrue(NativeIo.fdatasync(fd));
      assertTrue(NativeIo.punchHole(fd, 0, 1 << 20) || !Files.getFileStore(f).type().startsWith("ext"));
      assertEquals(-1, NativeIo.blockDeviceSize(fd)); // a regular file is not a block device
    } finally {
      NativeIo.close(fd);
    }
  }
}
