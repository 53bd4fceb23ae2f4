package org.jds.node.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.wrap.MeasureDatastore;
import org.jds.node.plugin.builtin.S3dsPlugin;
import org.jds.node.repo.Profiles;
import org.junit.jupiter.api.Test;

/** Parsing of go-ds-s3's spec node and of kubo's measure wrapper; no network. */
class S3dsPluginTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** go-ds-s3's README config (kubo's measure-wrapped mounts). */
  static final String GO_DS_S3_README_SPEC = """
      {"mounts":[
        {"child":{"type":"s3ds","region":"us-east-1","bucket":"$bucketname","rootDirectory":"$bucketsubdirectory",
                  "accessKey":"","secretKey":""},
         "mountpoint":"/blocks","prefix":"s3.datastore","type":"measure"},
        {"child":{"compression":"none","path":"datastore","type":"levelds"},
         "mountpoint":"/","prefix":"leveldb.datastore","type":"measure"}],
       "type":"mount"}""";

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void goDsS3sReadmeSpecGivesItsDiskSpecWithoutAType() throws Exception {
    assertEquals("{\"mounts\":[{\"bucket\":\"$bucketname\",\"mountpoint\":\"/blocks\",\"region\":\"us-east-1\","
        + "\"rootDirectory\":\"$bucketsubdirectory\"},{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],"
        + "\"type\":\"mount\"}", DatastorePlugins.load().parse(json(GO_DS_S3_README_SPEC)).diskSpec().toString());
  }

  @Test
  void theS3ProfileIsGoDsS3sLayoutWithEmptyCredentials() throws Exception {
    JsonNode spec = Profiles.s3("b", "http://127.0.0.1:9000", "dir");
    JsonNode s3 = spec.get("mounts").get(0).get("child");
    assertEquals("s3ds", s3.get("type").textValue());
    assertEquals("", s3.get("accessKey").textValue());
    assertEquals("", s3.get("secretKey").textValue());
    assertEquals("http://127.0.0.1:9000", s3.get("regionEndpoint").textValue());
    assertEquals("{\"mounts\":[{\"bucket\":\"b\",\"mountpoint\":\"/blocks\",\"region\":\"\",\"rootDirectory\":\"dir\"},"
        + "{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],\"type\":\"mount\"}",
        DatastorePlugins.load().parse(spec).diskSpec().toString());
    assertTrue(DatastorePlugins.load().types().containsAll(java.util.Set.of("s3ds", "measure")));
  }

  @Test
  void badFieldsAreNamed() throws Exception {
    DatastorePlugins p = DatastorePlugins.load();
    assertEquals("s3ds: no bucket specified",
        assertThrows(ConfigException.class, () -> p.parse(json("{\"type\":\"s3ds\"}"))).getMessage());
    assertEquals("'region' field is not a string",
        assertThrows(ConfigException.class, () -> p.parse(json("{\"type\":\"s3ds\",\"bucket\":\"b\",\"region\":1}"))).getMessage());
    assertTrue(assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"s3ds\",\"bucket\":\"b\",\"workers\":1.5}"))).getMessage().contains("workers"));
    assertTrue(assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"s3ds\",\"bucket\":\"b\",\"accessKey\":\"only\"}"))).getMessage()
        .contains("accessKey and secretKey must be given together"));
    assertTrue(assertThrows(ConfigException.class,
        () -> p.parse(json("{\"type\":\"s3ds\",\"bucket\":\"b\",\"regionEndpoint\":\"not a url\"}"))).getMessage()
        .contains("regionEndpoint"));
    assertEquals("'child' field is missing or not a map",
        assertThrows(ConfigException.class, () -> p.parse(json("{\"type\":\"measure\",\"prefix\":\"x\"}"))).getMessage());
    assertEquals(10, ((S3dsPlugin.Config) p.parse(json("{\"type\":\"s3ds\",\"bucket\":\"b\",\"workers\":10.0}")))
        .s3().workers());
  }

  @Test
  void measureWrapsItsChild() throws Exception {
    String spec = "{\"type\":\"measure\",\"prefix\":\"mem.datastore\",\"child\":{\"type\":\"mem\"}}";
    DatastoreConfig c = DatastorePlugins.load().parse(json(spec));
    assertEquals(null, c.diskSpec());
    try (Datastore ds = c.create(new OpenContext(Path.of("."), 0))) {
      assertInstanceOf(MeasureDatastore.class, ds);
    }
  }
}
