package org.jds.node.multiformats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jds.node.Mutations;
import org.junit.jupiter.api.Test;

/**
 * A bounded, deterministic stand-in for fuzzing in every build: seeded random {@link Mutations} of
 * valid varints, multibase strings, multihashes and CIDs through the same {@link ParserChecks} as the
 * Jazzer targets.
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

  @Test
  void binaryParsersOnlyThrowTheCheckedException() throws Exception {
    Mutations.run(validBytes(), 20261128, ROUNDS, in -> {
      ParserChecks.varint(in);
      ParserChecks.multihash(in);
      ParserChecks.cidBytes(in);
    });
  }

  @Test
  void stringParsersOnlyThrowTheCheckedException() throws Exception {
    Mutations.run(validStrings(), 11, ROUNDS, in -> {
      ParserChecks.multibase(in);
      ParserChecks.cidString(in);
    });
  }
}
