package org.jds.flatfs.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.Storage;

/**
 * Child process of the lock tests: opens the store for writing, puts one key, prints {@code READY},
 * and holds the store open until a line arrives on stdin; then closes it and prints {@code CLOSED}.
 *
 * <p>Usage: {@code StoreHolder <StorageFactory class> <host dir>}
 */
public final class StoreHolder {
  public static final String READY = "READY";
  public static final String CLOSED = "CLOSED";

  private StoreHolder() {}

  public static void main(String[] args) throws Exception {
    Storage storage = StorageFactories.byName(args[0]).open(Path.of(args[1]));
    FlatfsDatastore ds = FlatfsDatastore.createOrOpen(storage, FlatfsTestBase.DS, ShardId.DEFAULT, true);
    ds.put(Key.of("/HELD"), "held".getBytes(StandardCharsets.UTF_8));
    System.out.println(READY);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    ds.close();
    storage.close();
    System.out.println(CLOSED);
    System.out.flush();
  }
}
