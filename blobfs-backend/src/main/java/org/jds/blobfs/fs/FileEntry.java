package org.jds.blobfs.fs;

import org.jds.blobfs.blobstore.Blob;

/** Shared state of one file, whatever the number of open handles. */
final class FileEntry {
  final long blobId;
  String name;
  long lengthXattr;
  long appendPos;
  /** jds_gen xattr (0 if absent): orders files left with one name by a crashed replace. */
  long generation;
  int refs;
  boolean deletePending;
  boolean hidden;
  /** An append is writing data outside the file system lock (see {@link OpenFile#write}). */
  boolean writing;
  Blob blob;

  FileEntry(long blobId, String name, long length) {
    this.blobId = blobId;
    this.name = name;
    this.lengthXattr = length;
    this.appendPos = length;
  }
}
