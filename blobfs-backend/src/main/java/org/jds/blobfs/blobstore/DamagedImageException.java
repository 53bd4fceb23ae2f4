package org.jds.blobfs.blobstore;

import java.util.List;
import org.jds.blobfs.CorruptMetadataException;

/**
 * A writable load found damage ({@link Blobstore#problems()}): a used mask that disagrees with the
 * md pages, or an md page in use that cannot be read. Nothing was written. A read-only load of the
 * same image works and reports the same lines; {@code Fsck.repair} rebuilds the masks from the md
 * pages and releases what cannot be read, after naming it.
 */
public final class DamagedImageException extends CorruptMetadataException {
  private static final long serialVersionUID = 1L;
  /** How many problems the one-line message spells out. */
  private static final int SHOWN = 3;
  private final List<String> problems;

  DamagedImageException(List<String> problems) {
    super("metadata", 0, summary(problems));
    this.problems = List.copyOf(problems);
  }

  private static String summary(List<String> problems) {
    StringBuilder sb = new StringBuilder("damaged, not opened for writing (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "): ");
    sb.append(String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size()))));
    if (problems.size() > SHOWN) sb.append("; and ").append(problems.size() - SHOWN).append(" more");
    return sb.append(". It can still be opened read-only; fsck --repair rebuilds the masks from the md pages").toString();
  }

  /** Every problem, one line each. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return problem();
  }
}
