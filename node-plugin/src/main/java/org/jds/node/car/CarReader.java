package org.jds.node.car;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jds.node.blockstore.Block;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Varint;

/**
 * A streaming CAR reader (CARv1, and CARv2 by its pragma), one section in memory at a time.
 *
 * <p>CARv1: {@code varint(header length) | DAG-CBOR {roots, version: 1} | (varint(section length) |
 * CID | block bytes)*}. CARv2: the 11-byte pragma, a 40-byte header (characteristics, data offset,
 * data size, index offset), then the inner CARv1 at the data offset, read up to the data size; the
 * index is not read (it is not needed to list blocks). Blocks are returned as stored: the reader does
 * not check that their bytes match their CIDs (the blockstore's put does) nor that the roots are in
 * the file.
 *
 * <p>Every problem is a {@link CarException} naming the byte offset in the file: a bad header, a
 * zero-length or oversized section, a bad CID, or a section cut short. A CARv1 that ends exactly
 * between two sections is complete by definition (CARv1 has no trailer); a CARv2 that ends before
 * its data size is truncated. Not thread-safe; close it to close the stream.
 */
public final class CarReader implements AutoCloseable {
  /** go-car's default limit on one section (CID + block). */
  public static final int DEFAULT_MAX_SECTION = 8 << 20;
  /** go-car's limit on the header. */
  public static final int MAX_HEADER = 32 << 20;

  private final CountingInput in;
  private final int maxSection;
  private final int version;
  private final List<Cid> roots;
  private final boolean v2;
  private boolean done;

  private CarReader(CountingInput in, int maxSection) throws IOException, CarException {
    this.in = in;
    this.maxSection = maxSection;
    List<Cid> r = new ArrayList<>();
    int first = readHeader(r);
    if (first == 2) {
      v2 = true;
      version = 2;
      enterV2Data();
      r.clear();
      if (readHeader(r) != 1) throw new CarException("CARv2 data payload must be a CARv1", in.position());
    } else {
      v2 = false;
      version = 1;
    }
    roots = Collections.unmodifiableList(r);
  }

  /** Opens a CAR with the default section limit; reads the header. If this throws, the caller still owns (and closes) {@code in}. */
  public static CarReader open(InputStream in) throws IOException, CarException {
    return open(in, DEFAULT_MAX_SECTION);
  }

  /** Opens a CAR whose sections may be up to {@code maxSection} bytes; reads the header. */
  public static CarReader open(InputStream in, int maxSection) throws IOException, CarException {
    return new CarReader(new CountingInput(in), maxSection);
  }

  /** 1 or 2 (the file's version; a CARv2's blocks come from its inner CARv1). */
  public int version() {
    return version;
  }

  /** The header's roots (of the inner CARv1 for a CARv2). */
  public List<Cid> roots() {
    return roots;
  }

  /** The file offset of the next byte to be read. */
  public long position() {
    return in.position();
  }

  /**
   * The next block, or null at the end.
   *
   * @throws CarException a corrupt or truncated section
   */
  public Block next() throws IOException, CarException {
    if (done) return null;
    long at = in.position();
    long length = readVarint(at, "section length");
    if (length < 0) {
      done = true;
      if (v2 && in.position() < in.limit()) {
        throw new CarException("CARv2 data payload truncated: ends " + (in.limit() - in.position()) + " bytes before its data size", at);
      }
      return null;
    }
    if (length == 0) throw new CarException("zero-length CAR section", at);
    if (length > maxSection) throw new CarException("CAR section of " + length + " bytes exceeds the limit of " + maxSection, at);
    byte[] section = new byte[(int) length];
    int got = in.readUpTo(section);
    if (got < length) {
      throw new CarException("CAR section truncated: " + length + " bytes declared, " + got + " present", at);
    }
    ByteBuffer b = ByteBuffer.wrap(section);
    Cid cid;
    try {
      cid = Cid.read(b);
    } catch (MultiformatException e) {
      throw new CarException("bad CID in CAR section: " + e.getMessage(), at, e);
    }
    return new Block(cid, Arrays.copyOfRange(section, b.position(), section.length));
  }

  /** Reads a header: its length varint and DAG-CBOR. Returns 1 or 2. */
  private int readHeader(List<Cid> roots) throws IOException, CarException {
    long at = in.position();
    long length = readVarint(at, "header length");
    if (length < 0) throw new CarException("empty file: no CAR header", at);
    if (length == 0 || length > MAX_HEADER) throw new CarException("CAR header length " + length + " out of range", at);
    byte[] header = new byte[(int) length];
    int got = in.readUpTo(header);
    if (got < length) throw new CarException("CAR header truncated: " + length + " bytes declared, " + got + " present", at);
    int version = CarHeaders.decode(header, roots, at);
    if (version == 2 && in.position() != CarHeaders.V2_PRAGMA.length) {
      throw new CarException("CARv2 pragma must be exactly " + Arrays.toString(CarHeaders.V2_PRAGMA), at);
    }
    return version;
  }

  /** Reads the CARv2 header and moves to the start of the data payload, limited to its size. */
  private void enterV2Data() throws IOException, CarException {
    long at = in.position();
    byte[] h = new byte[CarHeaders.V2_HEADER_LENGTH];
    if (in.readUpTo(h) < h.length) throw new CarException("CARv2 header truncated", at);
    int o = CarHeaders.V2_CHARACTERISTICS_LENGTH;
    long dataOffset = CarHeaders.u64(h, o, "data offset", at);
    long dataSize = CarHeaders.u64(h, o + 8, "data size", at);
    long indexOffset = CarHeaders.u64(h, o + 16, "index offset", at);
    long headerEnd = in.position();
    if (dataOffset < headerEnd) throw new CarException("CARv2 data offset " + dataOffset + " inside the header", at);
    if (dataSize > Long.MAX_VALUE - dataOffset) throw new CarException("CARv2 data size out of range", at);
    if (indexOffset != 0 && indexOffset < dataOffset + dataSize) {
      throw new CarException("CARv2 index offset " + indexOffset + " overlaps the data payload", at);
    }
    try {
      in.skipFully(dataOffset - headerEnd);
    } catch (EOFException e) {
      throw new CarException("CARv2 file ends before its data offset " + dataOffset, in.position());
    }
    in.limitTo(dataOffset + dataSize);
  }

  /** A varint, -1 at a clean end; errors as CarException at {@code at}. */
  private long readVarint(long at, String what) throws IOException, CarException {
    try {
      return Varint.read(in);
    } catch (MultiformatException e) {
      throw new CarException("bad " + what + ": " + e.getMessage(), at, e);
    } catch (EOFException e) {
      throw new CarException("truncated " + what, at, e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
