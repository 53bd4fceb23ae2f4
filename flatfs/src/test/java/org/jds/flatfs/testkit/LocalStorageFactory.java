package org.jds.flatfs.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.flatfs.storage.Storage;

/** The default: {@link LocalStorage} rooted at the host directory. */
public final class LocalStorageFactory implements StorageFactory {
  @Override
  public Storage open(Path hostDir) throws IOException {
    Files.createDirectories(hostDir);
    return new LocalStorage(hostDir);
  }

  @Override
  public String name() {
    return "local";
  }
}
