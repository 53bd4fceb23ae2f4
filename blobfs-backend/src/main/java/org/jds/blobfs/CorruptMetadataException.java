package org.jds.blobfs;

/** On-disk metadata is invalid (SPDK's EILSEQ/EINVAL on load). Names the structure and byte offset. */
public class CorruptMetadataException extends BlobfsException {
  private static final long serialVersionUID = 1L;
  private final String structure;
  private final long byteOffset;
  private final String problem;

  public CorruptMetadataException(String structure, long byteOffset, String problem) {
    super(structure + " at byte offset " + byteOffset + ": " + problem);
    this.structure = structure;
    this.byteOffset = byteOffset;
    this.problem = problem;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** The on-disk structure at fault, e.g. "super block" or "md page 12". */
  public String structure() {
    return structure;
  }

  /** Absolute byte offset on the device of the faulty field or structure. */
  public long byteOffset() {
    return byteOffset;
  }
}
