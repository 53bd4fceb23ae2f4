package org.jds.flatfs.storage;

/**
 * What {@link Storage#stat} reports.
 *
 * @param directory whether the path is a directory
 * @param size the byte length of a file; for a directory the backend's own figure (st_size on
 *     POSIX, e.g. 4096 on ext4; may be 0 on flat backends)
 */
public record FileStat(boolean directory, long size) {}
