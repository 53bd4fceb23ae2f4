package org.jds.node.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarException;
import org.jds.node.car.CarReader;

/**
 * A CAR v1 or v2 file as an import source, streamed one section at a time. Every block is offered,
 * reachable from the roots or not (as kubo's {@code dag import}); a corrupt or truncated section
 * stops the source with a {@link CorruptSourceException} naming the byte offset.
 */
public final class CarSource implements BlockSource {
  private final Path file;
  private final CarReader reader;
  private final long size;

  private CarSource(Path file, CarReader reader, long size) {
    this.file = file;
    this.reader = reader;
    this.size = size;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws CorruptSourceException if it is not a CAR or its header is corrupt
   */
  public static CarSource open(Path file) throws DatastoreException {
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      long size = Files.size(file);
      return new CarSource(file, CarReader.open(in), size);
    } catch (IOException | CarException e) {
      closeQuietly(in);
      throw wrap(file, e);
    }
  }

  private static DatastoreException wrap(Path file, Exception e) {
    return e instanceof CarException
        ? new CorruptSourceException("corrupt CAR " + file + ": " + e.getMessage(), e)
        : new DatastoreIOException("reading " + file + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // the original error matters
      }
    }
  }

  @Override
  public SourceBlock next() throws DatastoreException {
    long at = reader.position();
    Block b;
    try {
      b = reader.next();
    } catch (IOException | CarException e) {
      throw wrap(file, e);
    }
    if (b == null) {
      return null;
    }
    return SourceBlock.of(b.cid() + " (section at byte " + at + ")", b.cid().multihash(), null, b::data);
  }

  @Override
  public long totalBlocks() {
    return -1;
  }

  @Override
  public long totalBytes() {
    return size;
  }

  @Override
  public long position() {
    return reader.position();
  }

  @Override
  public String describe() {
    return "CARv" + reader.version() + " " + file;
  }

  @Override
  public void close() throws DatastoreException {
    try {
      reader.close();
    } catch (IOException e) {
      throw new DatastoreIOException("closing " + file + ": " + e.getMessage(), e);
    }
  }
}
