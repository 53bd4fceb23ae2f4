package org.jds.flatfs.storage;

/** How {@link Storage#create} treats an existing file. */
public enum CreateMode {
  /** Fail with {@link PathExistsException} if the path exists (O_CREAT|O_EXCL). */
  EXCLUSIVE,
  /** Create, or empty an existing file (O_CREAT|O_TRUNC). */
  TRUNCATE
}
