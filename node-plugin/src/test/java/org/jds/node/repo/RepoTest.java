package org.jds.node.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.node.plugin.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoTest {
  /** Kubo v0.43.1's datastore_spec for its default (flatfs) profile, spec §8.2. */
  static final String KUBO_FLATFS_DATASTORE_SPEC = "{\"mounts\":[{\"mountpoint\":\"/blocks\",\"path\":\"blocks\","
      + "\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\",\"type\":\"flatfs\"},"
      + "{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],\"type\":\"mount\"}";

  @TempDir Path tmp;

  private Path init(String profile, String storageMax) throws Exception {
    Path repo = tmp.resolve("repo-" + profile);
    Repo.init(repo, RepoConfig.withSpec(Profiles.spec(profile), storageMax), false);
    return repo;
  }

  private static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void flatfsProfileWritesKubosFiles() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    assertEquals(KUBO_FLATFS_DATASTORE_SPEC, read(repo.resolve("datastore_spec")));
    assertEquals("18\n", read(repo.resolve("version")));
    RepoConfig c = RepoConfig.read(repo.resolve("config"));
    assertEquals(10_000_000_000L, c.storageMax());
    assertEquals(90, c.storageGCWatermark());
    assertFalse(c.hashOnRead());
    assertEquals(65536, c.blockKeyCacheSize());
    assertEquals("/ip4/127.0.0.1/tcp/5001", c.apiAddress());
    assertEquals("/ip4/127.0.0.1/tcp/8080", c.gatewayAddress());
    assertTrue(Files.isRegularFile(repo.resolve("blocks/SHARDING")));
    assertEquals(0, Files.size(repo.resolve("repo.lock")), "kubo's lock refuses a non-empty repo.lock");
  }

  @Test
  void blobfsProfileIsKubosWithAnImageSizedFromStorageMax() throws Exception {
    Path repo = init(Profiles.BLOBFS, "64MiB");
    assertEquals(KUBO_FLATFS_DATASTORE_SPEC.replace("\"path\":\"blocks\"", "\"path\":\"blocks.img\"")
        .replace("\"type\":\"flatfs\"", "\"type\":\"blobfs\""), read(repo.resolve("datastore_spec")));
    assertEquals(64L << 20, Files.size(repo.resolve("blocks.img")));
    try (Repo r = Repo.open(repo)) {
      r.datastore().put(Key.of("/blocks/CIQAAA"), new byte[] {1});
      r.datastore().put(Key.of("/local/x"), new byte[] {2});
    }
    try (Repo r = Repo.open(repo)) {
      assertArrayEquals(new byte[] {1}, r.datastore().get(Key.of("/blocks/CIQAAA")));
      assertArrayEquals(new byte[] {2}, r.datastore().get(Key.of("/local/x")));
    }
  }

  @Test
  void anInitWhoseDatastoreCannotBeMadeLeavesNoRepoBehind() throws Exception {
    Path repo = tmp.resolve("repo-bad");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("blocks"), "a file where flatfs wants its directory");
    RepoConfig config = RepoConfig.withSpec(Profiles.spec(Profiles.FLATFS), "10GB");
    assertThrows(DatastoreException.class, () -> Repo.init(repo, config, false));
    assertFalse(Repo.isInitialized(repo));
    Files.delete(repo.resolve("blocks"));
    Repo.init(repo, config, false); // no --force needed: the failed init left no repo
    try (Repo r = Repo.open(repo)) {
      assertEquals(10_000_000_000L, r.config().storageMax());
    }
  }

  @Test
  void initRefusesAnExistingRepoWithoutForce() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    RepoException e = assertThrows(RepoException.class,
        () -> Repo.init(repo, RepoConfig.withSpec(Profiles.spec(Profiles.FLATFS), "10GB"), false));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    Repo.init(repo, RepoConfig.withSpec(Profiles.spec(Profiles.FLATFS), "20GB"), true);
    assertEquals(20_000_000_000L, RepoConfig.read(repo.resolve("config")).storageMax());
  }

  @Test
  void mismatchNamesConfigFirstAndDiskSecond() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    Repo.editConfig(repo, c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.datastoreSpec().get("mounts").get(0))
        .put("shardFunc", "/repo/flatfs/shard/v1/prefix/2"));
    RepoException e = assertThrows(RepoException.class, () -> Repo.open(repo));
    String fromConfig = KUBO_FLATFS_DATASTORE_SPEC.replace("next-to-last/2", "prefix/2");
    assertEquals("datastore configuration of '" + fromConfig + "' does not match what is on disk '"
        + KUBO_FLATFS_DATASTORE_SPEC + "'", e.getMessage());
    // the failed open released the lock
    Repo.editConfig(repo, c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.datastoreSpec().get("mounts").get(0))
        .put("shardFunc", "/repo/flatfs/shard/v1/next-to-last/2"));
    Repo.open(repo).close();
  }

  @Test
  void syncAndCompressionDoNotCauseAMismatch() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    Repo.editConfig(repo, c -> {
      ((com.fasterxml.jackson.databind.node.ObjectNode) c.datastoreSpec().get("mounts").get(0)).put("sync", true);
      ((com.fasterxml.jackson.databind.node.ObjectNode) c.datastoreSpec().get("mounts").get(1)).put("compression", "snappy");
    });
    Repo.open(repo).close();
  }

  @Test
  void unknownTypeInConfigFailsNamingTheKnownTypes() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    Repo.editConfig(repo, c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.datastoreSpec().get("mounts").get(0))
        .put("type", "pebbleds"));
    ConfigException e = assertThrows(ConfigException.class, () -> Repo.open(repo));
    assertTrue(e.getMessage().startsWith("unknown datastore type: pebbleds (known: blobfs, flatfs, levelds"), e.getMessage());
  }

  @Test
  void unknownFieldsSurviveAConfigRewrite() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    String withExtra = read(repo.resolve("config")).replaceFirst("\\{", "{\"Identity\":{\"PeerID\":\"12D3KooX\"},");
    Files.writeString(repo.resolve("config"), withExtra);
    Repo.editConfig(repo, c -> c.set("Datastore.StorageMax", TextNode.valueOf("20GB")));
    RepoConfig c = RepoConfig.read(repo.resolve("config"));
    assertEquals("12D3KooX", c.get("Identity.PeerID").textValue());
    assertEquals(20_000_000_000L, c.storageMax());
    assertTrue(read(repo.resolve("config")).indexOf("Identity") < read(repo.resolve("config")).indexOf("Datastore"),
        "field order kept");
  }

  @Test
  void oldStyleConfigIsRefused() throws Exception {
    assertEquals("old style datatstore config detected", assertThrows(ConfigException.class,
        () -> RepoConfig.parse("{\"Datastore\":{\"Type\":\"leveldb\",\"Path\":\"x\"}}")).getMessage());
  }

  @Test
  void lockedByAnotherProcessNamesItsPid() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldRepo.class.getName(),
        repo.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("OPEN", out.readLine());
      RepoLockedException e = assertThrows(RepoLockedException.class, () -> Repo.open(repo));
      assertEquals(child.pid(), e.holderPid(), e.getMessage());
      assertTrue(e.getMessage().contains("someone else has the lock (pid " + child.pid()), e.getMessage());
      assertThrows(RepoLockedException.class, () -> Repo.editConfig(repo, c -> { }));
    } finally {
      child.getOutputStream().close();
      assertEquals(0, child.waitFor());
    }
    Repo.open(repo).close(); // released when the holder exited
  }

  @Test
  void secondOpenInTheSameProcessIsRefused() throws Exception {
    Path repo = init(Profiles.FLATFS, "10GB");
    try (Repo r = Repo.open(repo)) {
      RepoLockedException e = assertThrows(RepoLockedException.class, () -> Repo.open(repo));
      assertTrue(e.getMessage().contains("this process"), e.getMessage());
    }
  }

  @Test
  void blobfsImageGrowsWithStorageMaxAndKeepsItsData() throws Exception {
    Path repo = init(Profiles.BLOBFS, "64MiB");
    try (Repo r = Repo.open(repo)) {
      r.datastore().put(Key.of("/blocks/CIQBBB"), new byte[] {9, 9});
    }
    Repo.editConfig(repo, c -> c.setStorageMax("100MiB"));
    try (Repo r = Repo.open(repo)) {
      assertArrayEquals(new byte[] {9, 9}, r.datastore().get(Key.of("/blocks/CIQBBB")));
    }
    assertEquals(100L << 20, Files.size(repo.resolve("blocks.img")));
    // beyond the cluster-mask room reserved at creation: a clear error, nothing lost
    Repo.editConfig(repo, c -> c.setStorageMax("1TB"));
    Exception e = assertThrows(Exception.class, () -> Repo.open(repo));
    assertTrue(e.getMessage().contains("can grow to at most"), e.getMessage());
    Repo.editConfig(repo, c -> c.setStorageMax("100MiB"));
    try (Repo r = Repo.open(repo)) {
      assertArrayEquals(new byte[] {9, 9}, r.datastore().get(Key.of("/blocks/CIQBBB")));
    }
  }

  @Test
  void leveldsProfileKeepsEverythingInLevelDb() throws Exception {
    Path repo = init(Profiles.LEVELDS, "10GB");
    assertEquals("{\"path\":\"datastore\",\"type\":\"levelds\"}", read(repo.resolve("datastore_spec")));
    try (Repo r = Repo.open(repo)) {
      r.datastore().put(Key.of("/blocks/CIQCCC"), new byte[] {3});
    }
    try (Repo r = Repo.open(repo)) {
      assertEquals(List.of("/blocks/CIQCCC"), r.datastore().query(org.jds.datastore.query.Query.builder()
          .prefix("/blocks").keysOnly(true).build()).rest().stream().map(x -> x.key()).toList());
    }
  }
}
