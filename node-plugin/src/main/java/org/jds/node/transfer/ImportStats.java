package org.jds.node.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts of one import: imported (written), skipped (already present), bad (listed with the reason).
 * Not thread-safe; the importer's thread owns it.
 */
public final class ImportStats {
  private long imported;
  private long importedBytes;
  private long skipped;
  private final List<String> bad = new ArrayList<>();

  void add(int bytes) {
    imported++;
    importedBytes += bytes;
  }

  void skip() {
    skipped++;
  }

  void bad(String label, String reason) {
    bad.add(label + ": " + reason);
  }

  public long imported() {
    return imported;
  }

  public long importedBytes() {
    return importedBytes;
  }

  public long skipped() {
    return skipped;
  }

  /** One line per bad block: where it is and why. */
  public List<String> bad() {
    return Collections.unmodifiableList(bad);
  }

  /** Blocks seen so far. */
  public long seen() {
    return imported + skipped + bad.size();
  }

  /**
   * The progress line after {@code secs} seconds: count (of the source's total if known), bytes,
   * rate, ETA (from the block count, or else the source's byte size and position), skipped, bad.
   */
  public String progressLine(BlockSource source, double secs) {
    long total = source.totalBlocks();
    double rate = seen() / secs;
    StringBuilder b = new StringBuilder();
    b.append(seen());
    if (total >= 0) {
      b.append('/').append(total);
    }
    b.append(" blocks, ").append(mb(importedBytes)).append(" imported, ")
        .append(String.format("%.0f blocks/s, %s/s", rate, mb((long) (importedBytes / secs))));
    long eta = -1;
    if (total >= 0 && rate > 0) {
      eta = (long) ((total - seen()) / rate);
    } else if (source.totalBytes() > 0 && source.position() > 0) {
      eta = (long) (secs * (source.totalBytes() - source.position()) / source.position());
    }
    if (eta >= 0) {
      b.append(String.format(", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
    }
    b.append(" (skipped ").append(skipped).append(", bad ").append(bad.size()).append(')');
    return b.toString();
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }

  /** {@code imported N (B bytes), skipped S, bad K}. */
  public String summary() {
    return "imported " + imported + " (" + importedBytes + " bytes), skipped " + skipped + ", bad " + bad.size();
  }
}
