package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Maps {@code java.nio} exceptions onto the SPI's, by type and, where Java has none, by errno text. */
final class LocalErrors {
  private LocalErrors() {}

  static StorageException map(String op, String path, IOException e) {
    if (e instanceof StorageException se) {
      return se; // already ours (e.g. an entry check inside the try)
    }
    if (e instanceof NoSuchFileException) {
      return new NoSuchPathException(op, path);
    }
    if (e instanceof FileAlreadyExistsException) {
      return new PathExistsException(op, path);
    }
    if (e instanceof AccessDeniedException) {
      return new ReadOnlyStorageException(op, path, "permission denied", e);
    }
    if (e instanceof DirectoryNotEmptyException) {
      return new StorageException(op, path, "directory not empty", e);
    }
    if (e instanceof NotDirectoryException) {
      return new StorageException(op, path, StorageChecks.NOT_A_DIRECTORY, e);
    }
    String why = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    String lower = why == null ? "" : why.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
      return new NoSpaceException(op, path, e);
    }
    if (lower.contains("read-only file system") || lower.contains("operation not permitted")) {
      return new ReadOnlyStorageException(op, path, lower, e);
    }
    if (lower.contains("too many open files")) {
      return new TooManyOpenFilesException(op, path, e);
    }
    if (lower.contains(StorageChecks.IS_A_DIRECTORY)) {
      return new StorageException(op, path, StorageChecks.IS_A_DIRECTORY, e);
    }
    if (lower.contains(StorageChecks.NOT_A_DIRECTORY)) {
      return new StorageException(op, path, StorageChecks.NOT_A_DIRECTORY, e);
    }
    return new StorageException(op, path, why == null ? e.getClass().getSimpleName() : why, e);
  }
}
