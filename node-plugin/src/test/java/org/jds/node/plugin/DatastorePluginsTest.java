package org.jds.node.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.datastore.wrap.MountDatastore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatastorePluginsTest {
  /** Kubo v0.43.1's default Datastore.Spec and the datastore_spec it wrote (spec §8.2). */
  static final String KUBO_SPEC = """
      {"mounts":[{"mountpoint":"/blocks","path":"blocks","prefix":"flatfs.datastore",
        "shardFunc":"/repo/flatfs/shard/v1/next-to-last/2","sync":false,"type":"flatfs"},
       {"compression":"none","mountpoint":"/","path":"datastore","prefix":"leveldb.datastore","type":"levelds"}],
       "type":"mount"}""";
  static final String KUBO_DATASTORE_SPEC = "{\"mounts\":[{\"mountpoint\":\"/blocks\",\"path\":\"blocks\","
      + "\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\",\"type\":\"flatfs\"},"
      + "{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],\"type\":\"mount\"}";

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path repo;

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void builtInsAreLoadedThroughServiceLoader() throws Exception {
    assertTrue(DatastorePlugins.load().types().containsAll(Set.of("flatfs", "blobfs", "levelds", "mount", "mem", "log")));
  }

  @Test
  void kuboDefaultSpecGivesKubosDatastoreSpecBytes() throws Exception {
    assertEquals(KUBO_DATASTORE_SPEC, DatastorePlugins.load().parse(json(KUBO_SPEC)).diskSpec().toString());
  }

  @Test
  void mountsAreSortedDescendingWhateverTheConfigOrder() throws Exception {
    String reversed = "{\"type\":\"mount\",\"mounts\":[{\"mountpoint\":\"/\",\"type\":\"levelds\",\"path\":\"datastore\"},"
        + "{\"mountpoint\":\"/blocks\",\"type\":\"flatfs\",\"path\":\"blocks\",\"sync\":true,"
        + "\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\"}]}";
    assertEquals(KUBO_DATASTORE_SPEC, DatastorePlugins.load().parse(json(reversed)).diskSpec().toString());
  }

  @Test
  void memChildOfAMountRecordsOnlyItsMountpoint() throws Exception {
    String spec = "{\"type\":\"mount\",\"mounts\":[{\"mountpoint\":\"/tmp\",\"type\":\"mem\"}]}";
    assertEquals("{\"mounts\":[{\"mountpoint\":\"/tmp\"}],\"type\":\"mount\"}",
        DatastorePlugins.load().parse(json(spec)).diskSpec().toString());
  }

  @Test
  void logWrapsItsChildWithKubosFieldsAndRecordsTheChildsDiskSpec() throws Exception {
    DatastorePlugins p = DatastorePlugins.load();
    DatastoreConfig c = p.parse(json("{\"type\":\"log\",\"name\":\"blocks\","
        + "\"child\":{\"type\":\"levelds\",\"path\":\"d\",\"compression\":\"none\"}}"));
    assertEquals("{\"path\":\"d\",\"type\":\"levelds\"}", c.diskSpec().toString());
    try (Datastore ds = c.create(new OpenContext(repo, 1L << 30))) {
      assertInstanceOf(org.jds.datastore.wrap.LogDatastore.class, ds);
      ds.put(Key.of("/k"), new byte[] {5});
      assertArrayEquals(new byte[] {5}, ds.get(Key.of("/k")));
    }
    assertTrue(Files.isRegularFile(repo.resolve("d/CURRENT")));
    assertEquals("'name' field was missing or not a string", assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"log\",\"child\":{\"type\":\"mem\"}}"))).getMessage());
    assertEquals("'child' field is missing or not a map", assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"log\",\"name\":\"x\"}"))).getMessage());
  }

  @Test
  void unknownTypeNamesTheKnownOnes() throws Exception {
    ConfigException e = assertThrows(ConfigException.class,
        () -> DatastorePlugins.load().parse(json("{\"type\":\"badgerds\",\"path\":\"x\"}")));
    assertTrue(e.getMessage().startsWith("unknown datastore type: badgerds (known: "), e.getMessage());
    assertTrue(e.getMessage().contains("blobfs, flatfs, levelds, log, measure, mem, mount, s3ds"), e.getMessage());
  }

  @Test
  void kuboFieldErrors() throws Exception {
    DatastorePlugins p = DatastorePlugins.load();
    assertEquals("'sync' field is missing or not boolean", assertThrows(ConfigException.class, () -> p.parse(json(
        "{\"type\":\"flatfs\",\"path\":\"b\",\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\",\"sync\":\"true\"}")))
        .getMessage());
    assertEquals("unrecognized value for compression: zstd", assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"levelds\",\"path\":\"d\",\"compression\":\"zstd\"}"))).getMessage());
    assertTrue(assertThrows(ConfigException.class, () -> p.parse(json(
        "{\"type\":\"flatfs\",\"path\":\"b\",\"shardFunc\":\"/repo/flatfs/shard/v2/x/2\",\"sync\":true}")))
        .getMessage().contains("v1"));
    assertEquals("'type' field missing or not a string",
        assertThrows(ConfigException.class, () -> p.parse(json("{\"path\":\"b\"}"))).getMessage());
    assertEquals("no 'mountpoint' on mount", assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"mount\",\"mounts\":[{\"type\":\"mem\"}]}"))).getMessage());
  }

  @Test
  void goEscapingInDiskSpec() throws Exception {
    DiskSpec d = DatastorePlugins.load().parse(json("{\"type\":\"levelds\",\"path\":\"a<b>&\\\"c\"}")).diskSpec();
    assertEquals("{\"path\":\"a\\u003cb\\u003e\\u0026\\\"c\",\"type\":\"levelds\"}", d.toString());
  }

  @Test
  void kuboDefaultSpecOpensAMountOfFlatfsAndLeveldb() throws Exception {
    DatastoreConfig c = DatastorePlugins.load().parse(json(KUBO_SPEC));
    try (Datastore ds = c.create(new OpenContext(repo, 1L << 30))) {
      assertInstanceOf(MountDatastore.class, ds);
      ds.put(Key.of("/blocks/CIQABC"), new byte[] {7});
      ds.put(Key.of("/local/filesroot"), new byte[] {8});
      assertArrayEquals(new byte[] {7}, ds.get(Key.of("/blocks/CIQABC")));
    }
    assertTrue(Files.isRegularFile(repo.resolve("blocks/SHARDING")));
    assertTrue(Files.isRegularFile(repo.resolve("blocks/AB/CIQABC.data")));
    assertTrue(Files.isRegularFile(repo.resolve("datastore/CURRENT")));
  }

  @Test
  void blobfsImageIsCreatedSparseRelativeToTheRepo() throws Exception {
    DatastoreConfig c = DatastorePlugins.load().parse(json("{\"type\":\"blobfs\",\"path\":\"blocks.img\",\"size\":\"64MiB\"}"));
    assertEquals("{\"path\":\"blocks.img\",\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\",\"type\":\"blobfs\"}",
        c.diskSpec().toString());
    try (Datastore ds = c.create(new OpenContext(repo, 1L << 40))) {
      ds.put(Key.of("/CIQXYZ"), new byte[] {1, 2});
    }
    assertEquals(64L << 20, Files.size(repo.resolve("blocks.img")));
    try (Datastore ds = c.create(new OpenContext(repo, 1L << 40))) {
      assertArrayEquals(new byte[] {1, 2}, ds.get(Key.of("/CIQXYZ")));
    }
  }

  @Test
  void humanBytesIsGoHumanize() throws Exception {
    assertEquals(10_000_000_000L, HumanBytes.parse("10GB"));
    assertEquals(10L << 30, HumanBytes.parse("10GiB"));
    assertEquals(1500, HumanBytes.parse("1.5k"));
    assertEquals(42, HumanBytes.parse("42"));
    assertThrows(ConfigException.class, () -> HumanBytes.parse("10 furlongs"));
  }
}
