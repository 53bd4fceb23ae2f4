package org.jds.testplugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugins;
import org.jds.node.plugin.OpenContext;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node-plugin's ServiceLoader finds a plugin from another jar, beside the built-ins, with no code change. */
class ThirdPartyPluginTest {
  @TempDir Path repo;

  @Test
  void pluginFromThisJarIsLoadedBesideTheBuiltIns() throws Exception {
    DatastorePlugins plugins = DatastorePlugins.load();
    assertTrue(plugins.types().contains(CountingMemPlugin.TYPE), plugins.types().toString());
    assertTrue(plugins.types().contains("flatfs"), plugins.types().toString());
  }

  @Test
  void aMountSpecCanUseIt() throws Exception {
    String spec = "{\"type\":\"mount\",\"mounts\":[{\"mountpoint\":\"/blocks\",\"type\":\"counting-mem\",\"label\":\"x\"},"
        + "{\"mountpoint\":\"/\",\"type\":\"mem\"}]}";
    DatastoreConfig c = DatastorePlugins.load().parse(new ObjectMapper().readTree(spec));
    assertEquals("{\"mounts\":[{\"label\":\"x\",\"mountpoint\":\"/blocks\",\"type\":\"counting-mem\"},{\"mountpoint\":\"/\"}],"
        + "\"type\":\"mount\"}", c.diskSpec().toString());
    int before = CountingMemPlugin.OPENS.get();
    try (Datastore ds = c.create(new OpenContext(repo, 1 << 20))) {
      ds.put(Key.of("/blocks/CIQA"), new byte[] {4});
      assertArrayEquals(new byte[] {4}, ds.get(Key.of("/blocks/CIQA")));
    }
    assertEquals(before + 1, CountingMemPlugin.OPENS.get());
  }

  @Test
  void aRepoWhoseConfigNamesItOpens() throws Exception {
    String spec = "{\"type\":\"mount\",\"mounts\":[{\"mountpoint\":\"/blocks\",\"type\":\"counting-mem\",\"label\":\"b\"},"
        + "{\"mountpoint\":\"/\",\"type\":\"levelds\",\"path\":\"datastore\"}]}";
    Path dir = repo.resolve("r");
    Repo.init(dir, RepoConfig.withSpec(new ObjectMapper().readTree(spec), "1GB"), false);
    assertEquals("{\"mounts\":[{\"label\":\"b\",\"mountpoint\":\"/blocks\",\"type\":\"counting-mem\"},"
        + "{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],\"type\":\"mount\"}",
        Files.readString(dir.resolve("datastore_spec")));
    try (Repo r = Repo.open(dir)) {
      r.blockstore().put(Cid.v1(Multicodec.RAW, Multihash.sum(Multicodec.SHA2_256.code(), new byte[] {1})), new byte[] {1});
    }
  }
}
