package org.jds.node.multiformats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded, deterministic stand-in for fuzzing in every build: seeded random mutations (bit flips,
 * byte changes, truncations, insertions, splices) of valid varints, multibase strings, multihashes
 * and CIDs, plus pure noise, through the same {@link ParserChecks} as the Jazzer targets. A fixed
 * iteration count, so the run length does not depend on machine speed.
 */
class ParserRobustnessTest {
  private static final int ROUNDS = 20_000;

  private static List<byte[]> validBytes() throws Exception {
    List<byte[]> out = new ArrayList<>();
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    out.add(Varint.encode(0));
    out.add(Varint.encode(300));
    out.add(Varint.encode(Long.MAX_VALUE));
    for (long code : new long[] {0x00, 0x12, 0x13, 0x16, 0xb220, 0x11}) {
      Multihash mh = Multihash.sum(code, hello);
      out.add(mh.toBytes());
      out.add(Cid.v1(Multicodec.RAW, mh).toBytes());
      out.add(Cid.v1(Multicodec.DAG_JSON, mh).toBytes());
    }
    out.add(Cid.v0(Multihash.sum(0x12, hello)).toBytes());
    return out;
  }

  private static List<byte[]> validStrings() throws Exception {
    List<byte[]> out = new ArrayList<>();
    Cid raw = Cid.v1(Multicodec.RAW, Multihash.sum(0x12, "hello".getBytes(StandardCharsets.US_ASCII)));
    for (Multibase b : Multibase.values()) out.add(raw.toString(b).getBytes(StandardCharsets.UTF_8));
    out.add(raw.toV1().toString().getBytes(StandardCharsets.UTF_8));
    out.add("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn".getBytes(StandardCharsets.UTF_8));
    out.add("bafkqaaa".getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static byte[] mutate(byte[] in, Random r, List<byte[]> pool) {
    byte[] b = in.clone();
    switch (r.nextInt(7)) {
      case 0 -> { if (b.length > 0) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8)); }
      case 1 -> { if (b.length > 0) b[r.nextInt(b.length)] = (byte) r.nextInt(256); }
      case 2 -> b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      case 3 -> {
        byte[] c = new byte[b.length + 1];
        int at = r.nextInt(c.length);
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) r.nextInt(256);
        System.arraycopy(b, at, c, at + 1, b.length - at);
        b = c;
      }
      case 4 -> {
        byte[] other = pool.get(r.nextInt(pool.size()));
        int cut = b.length == 0 ? 0 : r.nextInt(b.length);
        byte[] c = java.util.Arrays.copyOf(b, cut + other.length);
        System.arraycopy(other, 0, c, cut, other.length);
        b = c;
      }
      case 5 -> { if (b.length > 0) b[r.nextInt(b.length)] = (byte) (0x80 | r.nextInt(128)); }
      default -> {
        b = new byte[r.nextInt(48)];
        r.nextBytes(b);
      }
    }
    return b;
  }

  @Test
  void binaryParsersOnlyThrowTheCheckedException() throws Exception {
    List<byte[]> pool = validBytes();
    Random r = new Random(20261128);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] in = pool.get(r.nextInt(pool.size()));
      for (int k = r.nextInt(3); k >= 0; k--) in = mutate(in, r, pool);
      ParserChecks.varint(in);
      ParserChecks.multihash(in);
      ParserChecks.cidBytes(in);
    }
  }

  @Test
  void stringParsersOnlyThrowTheCheckedException() throws Exception {
    List<byte[]> pool = validStrings();
    Random r = new Random(11);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] in = pool.get(r.nextInt(pool.size()));
      for (int k = r.nextInt(3); k >= 0; k--) in = mutate(in, r, pool);
      ParserChecks.multibase(in);
      ParserChecks.cidString(in);
    }
  }
}
