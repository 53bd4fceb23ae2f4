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

  /** {@code imported N (B bytes), skipped S, bad K}. */
  public String summary() {
    return "imported " + imported + " (" + importedBytes + " bytes), skipped " + skipped + ", bad " + bad.size();
  }
}
