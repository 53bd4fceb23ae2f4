package org.jds.blobfs.tools;

/**
 * Told how far {@link Fsck#run(java.nio.file.Path, boolean, FsckListener)} is, for a progress
 * display. Called on the checking thread, often (once per md page or file): an implementation
 * decides itself how often to show anything, and throws nothing.
 */
@FunctionalInterface
public interface FsckListener {
  /** Tells nothing. */
  FsckListener NONE = (phase, done, total) -> {};

  /** The phases of a check, in the order they run. */
  enum Phase {
    /** The load: reading every blob's md pages (and, for a dirty image, the recovery scan). */
    MD_PAGES("md pages"),
    /** An independent scan of every md page, whose masks are compared with the masks on disk. */
    MASKS("masks"),
    /** Each blobfs file's name and length. */
    FILES("files");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    /** What a person reads: "md pages", "masks", "files". */
    public String label() {
      return label;
    }
  }

  /** {@code done} of {@code total} units of {@code phase} (md pages, or files for FILES) are checked. */
  void progress(Phase phase, long done, long total);
}
