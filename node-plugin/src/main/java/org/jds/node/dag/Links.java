package org.jds.node.dag;

import java.util.List;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;

/**
 * The links of a block, by its CID's codec, in the order kubo's traversal follows them: dag-pb in
 * PBLink order, dag-cbor in encoding order (depth-first through the value), raw none. Other codecs
 * are refused, as kubo's export refuses a codec it has no decoder for. Stateless and thread-safe.
 */
public final class Links {
  private Links() {}

  /**
   * The CIDs {@code data} links to.
   *
   * @throws CodecException the block does not decode in its codec, or the codec is not supported
   */
  public static List<Cid> of(Cid cid, byte[] data) throws CodecException {
    long codec = cid.codec();
    if (codec == Multicodec.RAW.code()) return List.of();
    if (codec == Multicodec.DAG_PB.code()) return DagPb.links(data);
    if (codec == Multicodec.DAG_CBOR.code()) return DagCbor.links(data);
    throw new CodecException("cannot read the links of " + cid + ": codec " + Multicodec.describeCodec(codec)
        + " is not supported (dag-pb, dag-cbor, raw)");
  }
}
