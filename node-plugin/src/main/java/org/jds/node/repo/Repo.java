package org.jds.node.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.datastore.Batching;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugins;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;

/**
 * A jds repo, shaped like Kubo's fs-repo: {@code config}, {@code datastore_spec}, {@code version},
 * {@code repo.lock} and the datastores the spec names. Open holds the repo lock until {@link
 * #close()}, so one process at a time uses a repo (kubo included, when pointed at the same dir).
 *
 * <p>Not thread-safe as an object; the datastore it hands out is.
 */
public final class Repo implements AutoCloseable {
  /** Environment variable naming the repo; default {@code ~/.jds}. */
  public static final String ENV = "JDS_PATH";
  public static final String DEFAULT_DIR = ".jds";

  private final Path path;
  private final RepoConfig config;
  private final Datastore datastore;
  private final RepoLock lock;

  private Repo(Path path, RepoConfig config, Datastore datastore, RepoLock lock) {
    this.path = path;
    this.config = config;
    this.datastore = datastore;
    this.lock = lock;
  }

  /** {@code $JDS_PATH}, or {@code ~/.jds}. */
  public static Path defaultPath() {
    String env = System.getenv(ENV);
    return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), DEFAULT_DIR);
  }

  /** Whether {@code path} holds a repo (its config file exists). */
  public static boolean isInitialized(Path path) {
    return Files.isRegularFile(path.resolve(RepoFiles.CONFIG));
  }

  /**
   * Creates a repo: config, datastore_spec derived from its spec (as Kubo's {@code initSpec}),
   * version, and the datastores themselves (opened once, so a blobfs image exists afterwards).
   *
   * @param force replace the config of an existing repo (its data stays)
   * @throws RepoException if a repo exists there and {@code force} is false
   * @throws ConfigException if the spec does not parse
   */
  public static void init(Path path, RepoConfig config, boolean force) throws DatastoreException {
    if (isInitialized(path) && !force) {
      throw new RepoException("jds configuration file already exists at " + path.resolve(RepoFiles.CONFIG)
          + " (use --force to overwrite it)");
    }
    DatastoreConfig dc = parseSpec(config);
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new DatastoreIOException("creating " + path + ": " + e.getMessage(), e);
    }
    try (RepoLock l = RepoLock.acquire(path)) {
      RepoFiles.write(path, RepoFiles.DATASTORE_SPEC, diskSpecOf(dc).toString());
      RepoFiles.write(path, RepoFiles.VERSION, RepoFiles.REPO_VERSION + "\n");
      dc.create(new OpenContext(path, config.storageMax())).close();
      // The config last: it is what makes a repo initialised, so a datastore that cannot be made (a
      // missing bucket, a bad path) leaves no repo that a rerun of init would need --force over.
      RepoFiles.write(path, RepoFiles.CONFIG, config.toJson());
    }
  }

  /**
   * Opens the repo at {@code path}: takes the lock, checks the version and that {@code datastore_spec}
   * matches the config's spec (Kubo's {@code openDatastore} check), then opens the datastore (a
   * blobfs image grows here when the configured size exceeds it).
   *
   * @throws RepoLockedException if another process holds the repo
   * @throws RepoException if it is not initialised, of another version, or the specs differ
   * @throws ConfigException if the config does not parse
   */
  public static Repo open(Path path) throws DatastoreException {
    if (!isInitialized(path)) {
      throw new RepoException("no jds repo found in " + path + " (run 'jds init')");
    }
    RepoLock lock = RepoLock.acquire(path);
    try {
      checkVersion(path);
      RepoConfig config = RepoConfig.read(path.resolve(RepoFiles.CONFIG));
      DatastoreConfig dc = parseSpec(config);
      checkDiskSpec(path, diskSpecOf(dc));
      Datastore ds = dc.create(new OpenContext(path, config.storageMax()));
      return new Repo(path, config, ds, lock);
    } catch (DatastoreException e) {
      try {
        lock.close();
      } catch (DatastoreIOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** A change to a repo's config, applied under the repo lock. */
  @FunctionalInterface
  public interface ConfigEdit {
    void apply(RepoConfig config) throws DatastoreException;
  }

  /**
   * Reads the config of the repo at {@code path}, applies {@code edit} and writes it back atomically,
   * holding the repo lock; fields jds does not know are kept.
   *
   * @throws RepoLockedException if another process holds the repo
   */
  public static RepoConfig editConfig(Path path, ConfigEdit edit) throws DatastoreException {
    if (!isInitialized(path)) {
      throw new RepoException("no jds repo found in " + path + " (run 'jds init')");
    }
    try (RepoLock l = RepoLock.acquire(path)) {
      RepoConfig c = RepoConfig.read(path.resolve(RepoFiles.CONFIG));
      edit.apply(c);
      RepoFiles.write(path, RepoFiles.CONFIG, c.toJson());
      return c;
    }
  }

  /** The config of the repo at {@code path}, read without the lock (a whole-file read). */
  public static RepoConfig readConfig(Path path) throws DatastoreException {
    if (!isInitialized(path)) {
      throw new RepoException("no jds repo found in " + path + " (run 'jds init')");
    }
    return RepoConfig.read(path.resolve(RepoFiles.CONFIG));
  }

  private static DatastoreConfig parseSpec(RepoConfig config) throws ConfigException {
    if (config.datastoreSpec() == null) {
      throw new ConfigException("spec required in config.Datastore.Spec");
    }
    return DatastorePlugins.load().parse(config.datastoreSpec());
  }

  private static DiskSpec diskSpecOf(DatastoreConfig dc) {
    DiskSpec d = dc.diskSpec();
    return d == null ? DiskSpec.empty() : d;
  }

  private static void checkVersion(Path path) throws DatastoreException {
    String v = RepoFiles.read(path, RepoFiles.VERSION);
    if (v == null || !v.trim().equals(String.valueOf(RepoFiles.REPO_VERSION))) {
      throw new RepoException("repo version " + (v == null ? "missing" : v.trim()) + " in " + path
          + ", this jds uses version " + RepoFiles.REPO_VERSION);
    }
  }

  /**
   * Kubo's check, with the labels the right way round (Kubo's message swaps them): the first quoted
   * text is the one derived from the config, the second the file on disk.
   */
  static void checkDiskSpec(Path path, DiskSpec fromConfig) throws DatastoreException {
    String onDisk = RepoFiles.read(path, RepoFiles.DATASTORE_SPEC);
    if (onDisk == null) {
      throw new RepoException("missing " + path.resolve(RepoFiles.DATASTORE_SPEC) + " (run 'jds init --force')");
    }
    if (!onDisk.trim().equals(fromConfig.toString())) {
      throw new RepoException("datastore configuration of '" + fromConfig + "' does not match what is on disk '"
          + onDisk.trim() + "'");
    }
  }

  public Path path() {
    return path;
  }

  public RepoConfig config() {
    return config;
  }

  /** The root datastore (keys as Kubo's: blocks under {@code /blocks}). Owned by the repo. */
  public Datastore datastore() {
    return datastore;
  }

  /**
   * A builder of Kubo's blockstore over the root datastore, set from the config's
   * {@code HashOnRead} and {@code BlockKeyCacheSize}; callers may change options before building.
   *
   * @throws RepoException if the spec's root datastore cannot batch
   */
  public Blockstore.Builder blockstoreBuilder() throws RepoException {
    if (!(datastore instanceof Batching b)) {
      throw new RepoException("the repo's root datastore (" + datastore.getClass().getSimpleName() + ") cannot batch");
    }
    return Blockstore.builder(b).hashOnRead(config.hashOnRead()).keyCacheSize(Math.max(0, config.blockKeyCacheSize()));
  }

  /** The blockstore as the config sets it, verifying puts. */
  public Blockstore blockstore() throws RepoException {
    return blockstoreBuilder().build();
  }

  /** Closes the datastore, then releases the lock (also when the close failed). */
  @Override
  public void close() throws DatastoreException {
    try {
      datastore.close();
    } finally {
      lock.close();
    }
  }
}
