package org.jds.flatfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/**
 * Go's {@code folderSize}: the initial disk-usage walk. Stats at most {@code filesAverage} random
 * entries per directory and extrapolates the rest; stops at the deadline.
 */
final class FolderSize {
  record Result(long du, String accuracy) {}

  private final Storage storage;
  private final int filesAverage;
  private final long deadlineNanos;

  FolderSize(Storage storage, int filesAverage, long deadlineNanos) {
    this.storage = storage;
    this.filesAverage = filesAverage;
    this.deadlineNanos = deadlineNanos;
  }

  Result of(String path) throws StorageException {
    FileStat self = storage.stat(path);
    List<String> files = new ArrayList<>();
    try (DirectoryListing l = storage.list(path)) {
      for (String n = l.next(); n != null; n = l.next()) {
        files.add(n);
      }
    }
    int total = files.size();
    int maxFiles = filesAverage <= 0 ? total : filesAverage;
    Collections.shuffle(files, new Random(System.nanoTime()));

    long du = 0;
    int processed = 0;
    String accuracy = Accuracy.EXACT;
    for (int i = 0; ; i++) {
      if (System.nanoTime() - deadlineNanos > 0) {
        accuracy = Accuracy.TIMED_OUT;
        break;
      }
      if (i >= total || processed >= maxFiles) {
        if (processed >= maxFiles) {
          // Go quirk: also when exactly maxFiles entries exist, or when the cap is off.
          accuracy = Accuracy.APPROXIMATE;
        }
        break;
      }
      String sub = StoragePaths.join(path, files.get(i));
      FileStat st = storage.stat(sub);
      if (st.directory()) {
        Result r = of(sub);
        accuracy = Accuracy.combine(r.accuracy(), accuracy);
        du += r.du();
      } else {
        du += st.size();
      }
      processed++;
    }
    double avg = processed > 0 ? (double) du / processed : 0.0;
    du += (long) (avg * (total - processed));
    du += self.size();
    return new Result(du, accuracy);
  }
}
