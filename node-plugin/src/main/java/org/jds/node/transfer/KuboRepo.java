package org.jds.node.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.datastore.DatastoreException;
import org.jds.node.plugin.ConfigException;
import org.jds.node.repo.RepoException;
import org.jds.node.repo.RepoFiles;
import org.jds.node.repo.RepoLock;
import org.jds.node.repo.RepoLockedException;

/**
 * A kubo/go-ipfs repo as an import source: its {@code datastore_spec} (or, without one, its
 * config's {@code Datastore.Spec}) locates the flatfs mounted at {@code /blocks} and its shard
 * function; the repo lock is held while the blocks are read, so kubo cannot start meanwhile and a
 * running kubo stops the import.
 */
public final class KuboRepo {
  /** go-ipfs 0.12 (repo version 12) keyed blocks by multihash; older repos by whole CID. */
  public static final int FIRST_MULTIHASH_KEYED_VERSION = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  private KuboRepo() {}

  /** Whether {@code dir} looks like a kubo repo (config plus version or datastore_spec). */
  public static boolean looksLikeRepo(Path dir) {
    return Files.isRegularFile(dir.resolve(RepoFiles.CONFIG))
        && (Files.isRegularFile(dir.resolve(RepoFiles.DATASTORE_SPEC)) || Files.isRegularFile(dir.resolve(RepoFiles.VERSION)));
  }

  /**
   * The repo's flatfs blocks, with its lock held until the returned source is closed.
   *
   * @throws RepoLockedException if kubo (or anything else) holds the repo
   * @throws RepoException if its blocks are not in flatfs (the message names the type found), or
   *     its version predates multihash keys
   */
  public static BlockSource open(Path repo) throws DatastoreException {
    RepoLock lock;
    try {
      lock = RepoLock.acquire(repo);
    } catch (RepoLockedException e) {
      throw new RepoException("kubo repo " + repo + " is in use (" + e.getMessage() + "): stop the ipfs daemon and retry", e);
    }
    try {
      checkVersion(repo);
      JsonNode blocks = blocksSpec(repo);
      String type = blocks.path("type").asText("");
      if (!type.equals("flatfs")) {
        throw new RepoException("the blocks of kubo repo " + repo + " are in a '" + (type.isEmpty() ? "(no type)" : type)
            + "' datastore, not flatfs: export them from kubo as a CAR ('ipfs dag export') and import that");
      }
      Path dir = Path.of(blocks.path("path").asText());
      FlatfsTree tree = FlatfsTree.open(dir.isAbsolute() ? dir : repo.resolve(dir),
          org.jds.node.plugin.builtin.FlatfsPlugin.shardFunc(blocks.path("shardFunc").asText()));
      return new LockedSource(tree, lock);
    } catch (DatastoreException e) {
      try {
        lock.close();
      } catch (DatastoreException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void checkVersion(Path repo) throws DatastoreException {
    String v = RepoFiles.read(repo, RepoFiles.VERSION);
    if (v == null) {
      return; // a datastore_spec without version: trust the keys (they are checked one by one)
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < FIRST_MULTIHASH_KEYED_VERSION) {
        throw new RepoException("kubo repo " + repo + " is version " + n + ", keyed by whole CIDs (before go-ipfs 0.12);"
            + " run kubo once to migrate it to version " + FIRST_MULTIHASH_KEYED_VERSION + " or later");
      }
    } catch (NumberFormatException e) {
      throw new RepoException("kubo repo " + repo + ": bad version file '" + v.trim() + "'");
    }
  }

  /** The spec node of the datastore that holds {@code /blocks} (measure/log wrappers unwrapped). */
  private static JsonNode blocksSpec(Path repo) throws DatastoreException {
    String text = RepoFiles.read(repo, RepoFiles.DATASTORE_SPEC);
    JsonNode spec;
    try {
      spec = text != null ? JSON.readTree(text) : JSON.readTree(Files.readString(repo.resolve(RepoFiles.CONFIG)))
          .path("Datastore").path("Spec");
    } catch (IOException e) {
      throw new ConfigException("reading the datastore spec of kubo repo " + repo + ": " + e.getMessage(), e);
    }
    spec = unwrap(spec);
    if (spec.path("type").asText().equals("mount")) {
      for (JsonNode m : spec.path("mounts")) {
        if (m.path("mountpoint").asText().equals("/blocks")) {
          return unwrap(m);
        }
      }
      for (JsonNode m : spec.path("mounts")) {
        if (m.path("mountpoint").asText().equals("/")) {
          return unwrap(m); // blocks live under /blocks inside the root store
        }
      }
      throw new RepoException("kubo repo " + repo + " mounts nothing at /blocks or /");
    }
    return spec;
  }

  private static JsonNode unwrap(JsonNode n) {
    while (n.has("child") && (n.path("type").asText().equals("measure") || n.path("type").asText().equals("log"))) {
      n = n.get("child");
    }
    return n;
  }

  /** A source that releases the kubo repo lock when closed. */
  private record LockedSource(FlatfsTree tree, RepoLock lock) implements BlockSource {
    @Override
    public SourceBlock next() throws DatastoreException {
      return tree.next();
    }

    @Override
    public long totalBlocks() {
      return tree.totalBlocks();
    }

    @Override
    public String describe() {
      return "kubo repo, " + tree.describe();
    }

    @Override
    public void close() throws DatastoreException {
      lock.close();
    }
  }
}
