package org.jds.node.car;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jds.node.blockstore.Block;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Varint;

/**
 * A streaming CARv1 writer (what kubo's {@code dag export} writes): the header at construction, then
 * one section per block, nothing buffered beyond the stream's own buffer. Duplicates are written as
 * given (the caller decides; kubo's export writes each block once). Not thread-safe. Durability:
 * none beyond the stream's; {@link #close()} closes the stream.
 */
public final class CarWriter implements Closeable, Flushable {
  private final OutputStream out;
  private long written;

  /** Writes the header {@code {roots, version: 1}}. */
  public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
    this.out = out;
    byte[] header = CarHeaders.encodeV1(roots);
    writeVarint(header.length);
    out.write(header);
    written += header.length;
  }

  /** Appends one section: {@code varint(len(cid) + len(data)) | cid | data}. */
  public void write(Cid cid, byte[] data) throws IOException {
    byte[] c = cid.toBytes();
    writeVarint((long) c.length + data.length);
    out.write(c);
    out.write(data);
    written += c.length + (long) data.length;
  }

  public void write(Block block) throws IOException {
    write(block.cid(), block.data());
  }

  /** Bytes written so far. */
  public long bytesWritten() {
    return written;
  }

  private void writeVarint(long v) throws IOException {
    byte[] b = Varint.encode(v);
    out.write(b);
    written += b.length;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
