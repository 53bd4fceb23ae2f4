package org.jds.flatfs.storage;

/** The permission a newly created file gets, where the backend has permissions. */
public enum FileAccess {
  /** 0666 minus the process umask. */
  DEFAULT,
  /** 0600: owner only. */
  PRIVATE,
  /** 0444 minus the umask: nobody may write. */
  READ_ONLY
}
