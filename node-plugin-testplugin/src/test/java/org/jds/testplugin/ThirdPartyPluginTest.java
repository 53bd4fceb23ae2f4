package org.jds.testplugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugins;
import org.jds.node.plugin.OpenContext;
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
}
