package org.jds.node.transfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.flatfs.FlatfsException;
import org.jds.flatfs.Layout;
import org.jds.flatfs.ShardId;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;
import org.jds.node.repo.RepoException;

/**
 * A flatfs directory read in place, without opening it as a datastore (nothing in it is written):
 * {@code SHARDING}, then {@code <shard>/<KEY>.data} files, one shard directory listed at a time, so
 * memory stays flat however many blocks there are. Skips what go-ds-flatfs skips: files not ending
 * in {@code .data}, hidden entries ({@code .temp}), {@code put-*} leftovers and root files.
 */
public final class FlatfsTree implements BlockSource {
  private final Path root;
  private final ShardId shard;
  private final List<Path> shardDirs;
  private final long total;
  private int nextShard;
  private Iterator<Path> files = Collections.emptyIterator();

  private FlatfsTree(Path root, ShardId shard, List<Path> shardDirs, long total) {
    this.root = root;
    this.shard = shard;
    this.shardDirs = shardDirs;
    this.total = total;
  }

  /**
   * Opens the flatfs directory {@code root}, checking its SHARDING against {@code expected} (null:
   * accept any).
   *
   * @throws RepoException if it is not a flatfs directory or its shard function differs
   */
  public static FlatfsTree open(Path root, ShardId expected) throws DatastoreException {
    Path sharding = root.resolve(Layout.SHARDING_FN);
    if (!Files.isRegularFile(sharding)) {
      throw new RepoException(root + " is not a flatfs directory: no " + Layout.SHARDING_FN + " file");
    }
    ShardId shard;
    try {
      shard = ShardId.parse(Files.readString(sharding));
    } catch (IOException e) {
      throw new DatastoreIOException("reading " + sharding + ": " + e.getMessage(), e);
    } catch (FlatfsException e) {
      throw new RepoException(sharding + ": " + e.getMessage(), e);
    }
    if (expected != null && !expected.equals(shard)) {
      throw new RepoException("specified shard func '" + expected + "' does not match repo shard func '" + shard
          + "' in " + root);
    }
    List<Path> dirs = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
      for (Path p : s) {
        if (Files.isDirectory(p) && p.getFileName().toString().charAt(0) != Layout.HIDDEN_MARK) {
          dirs.add(p);
        }
      }
      Collections.sort(dirs);
      for (Path d : dirs) {
        try (DirectoryStream<Path> f = Files.newDirectoryStream(d)) {
          for (Path p : f) {
            if (isBlockFile(p)) {
              total++;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new DatastoreIOException("listing " + root + ": " + e.getMessage(), e);
    }
    return new FlatfsTree(root, shard, dirs, total);
  }

  private static boolean isBlockFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(Layout.EXTENSION) && n.charAt(0) != Layout.HIDDEN_MARK && !n.startsWith(Layout.LEGACY_PUT_PREFIX);
  }

  /** The tree's shard function (from SHARDING). */
  public ShardId shard() {
    return shard;
  }

  @Override
  public SourceBlock next() throws DatastoreException {
    while (!files.hasNext()) {
      if (nextShard == shardDirs.size()) {
        return null;
      }
      Path d = shardDirs.get(nextShard++);
      List<Path> names = new ArrayList<>(); // one shard directory at a time
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
        for (Path p : s) {
          if (isBlockFile(p)) {
            names.add(p);
          }
        }
      } catch (IOException e) {
        throw new DatastoreIOException("listing " + d + ": " + e.getMessage(), e);
      }
      Collections.sort(names);
      files = names.iterator();
    }
    return block(files.next());
  }

  private SourceBlock block(Path file) {
    String name = file.getFileName().toString();
    String key = name.substring(0, name.length() - Layout.EXTENSION.length());
    Multihash mh;
    String problem = null;
    try {
      mh = DsKeys.toMultihash(key);
    } catch (MultiformatException e) {
      mh = null;
      problem = e.getMessage();
    }
    return SourceBlock.of(root.relativize(file).toString(), mh, problem, () -> {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new DatastoreIOException("reading " + file + ": " + e.getMessage(), e);
      }
    });
  }

  @Override
  public long totalBlocks() {
    return total;
  }

  @Override
  public String describe() {
    return "flatfs " + root + " (" + shard + ")";
  }

  @Override
  public void close() {}
}
