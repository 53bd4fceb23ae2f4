package org.jds.node.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.HumanBytes;

/**
 * The repo's {@code config} file: Kubo's JSON config, of which jds reads {@code Datastore.Spec},
 * {@code Datastore.StorageMax}, {@code StorageGCWatermark}, {@code HashOnRead},
 * {@code BlockKeyCacheSize}, {@code Addresses.API} and {@code Addresses.Gateway}. The whole tree is
 * kept, so a rewrite preserves fields jds does not know, in their order.
 *
 * <p>Not thread-safe (a mutable JSON tree).
 */
public final class RepoConfig {
  /** Kubo's defaults ({@code config.DefaultDatastoreConfig}, {@code Addresses}). */
  public static final String DEFAULT_STORAGE_MAX = "10GB";
  public static final int DEFAULT_GC_WATERMARK = 90;
  public static final int DEFAULT_BLOCK_KEY_CACHE_SIZE = 64 << 10;
  public static final String DEFAULT_API = "/ip4/127.0.0.1/tcp/5001";
  public static final String DEFAULT_GATEWAY = "/ip4/127.0.0.1/tcp/8080";
  /**
   * jds's own key (not kubo's): {@code true} lets GC delete from an S3 bucket, which other nodes may
   * share (see {@code org.jds.node.daemon.SharedStores}). Default false.
   */
  public static final String ALLOW_GC_ON_S3 = "Datastore.AllowGCOnS3";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private RepoConfig(ObjectNode root) {
    this.root = root;
  }

  /** A Kubo-shaped config with the given {@code Datastore.Spec} and Kubo's defaults elsewhere. */
  public static RepoConfig withSpec(JsonNode spec, String storageMax) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode ds = root.putObject("Datastore");
    ds.put("StorageMax", storageMax);
    ds.put("StorageGCWatermark", DEFAULT_GC_WATERMARK);
    ds.put("GCPeriod", "1h");
    ds.set("Spec", spec.deepCopy());
    ds.put("HashOnRead", false);
    ds.put("BloomFilterSize", 0);
    ds.putNull("BlockKeyCacheSize");
    ObjectNode addr = root.putObject("Addresses");
    addr.putArray("Swarm");
    addr.put("API", DEFAULT_API);
    addr.put("Gateway", DEFAULT_GATEWAY);
    return new RepoConfig(root);
  }

  /**
   * Parses a config file's text.
   *
   * @throws ConfigException if it is not a JSON object, or is Kubo's old-style datastore config
   */
  public static RepoConfig parse(String json) throws ConfigException {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException("failure to decode config: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new ConfigException("failure to decode config: not a JSON object");
    }
    RepoConfig c = new RepoConfig((ObjectNode) n);
    JsonNode ds = n.path("Datastore");
    if (!ds.path("Type").asText("").isEmpty() || !ds.path("Path").asText("").isEmpty()) {
      throw new ConfigException("old style datatstore config detected"); // sic: Kubo's text
    }
    return c;
  }

  /** Reads {@code file}. */
  public static RepoConfig read(Path file) throws ConfigException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("reading " + file + ": " + e.getMessage(), e);
    }
  }

  /** The text written to {@code config}: indented JSON, as Kubo writes it. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private ObjectNode datastore() {
    JsonNode ds = root.get("Datastore");
    return ds instanceof ObjectNode o ? o : root.putObject("Datastore");
  }

  /** {@code Datastore.Spec}, or null when missing. */
  public JsonNode datastoreSpec() {
    JsonNode s = root.path("Datastore").get("Spec");
    return s == null || s.isNull() ? null : s;
  }

  /** {@code Datastore.StorageMax} as written (e.g. {@code "10GB"}), or null when unset. */
  public String storageMaxText() {
    JsonNode v = root.path("Datastore").get("StorageMax");
    return v == null || v.isNull() ? null : v.asText();
  }

  /** {@code Datastore.StorageMax} in bytes; Kubo's default 10GB when unset. */
  public long storageMax() throws ConfigException {
    String s = storageMaxText();
    return HumanBytes.parse(s == null || s.isEmpty() ? DEFAULT_STORAGE_MAX : s);
  }

  public void setStorageMax(String value) {
    datastore().put("StorageMax", value);
  }

  public int storageGCWatermark() {
    return root.path("Datastore").path("StorageGCWatermark").asInt(DEFAULT_GC_WATERMARK);
  }

  /** {@link #ALLOW_GC_ON_S3}; false when absent. */
  public boolean allowGcOnS3() {
    JsonNode v = get(ALLOW_GC_ON_S3);
    return v != null && v.asBoolean(false);
  }

  public boolean hashOnRead() {
    return root.path("Datastore").path("HashOnRead").asBoolean(false);
  }

  /** {@code BlockKeyCacheSize}; Kubo's effective default (65536) when null or absent. */
  public int blockKeyCacheSize() {
    JsonNode v = root.path("Datastore").get("BlockKeyCacheSize");
    return v == null || v.isNull() ? DEFAULT_BLOCK_KEY_CACHE_SIZE : v.asInt();
  }

  public String apiAddress() {
    return root.path("Addresses").path("API").asText(DEFAULT_API);
  }

  public String gatewayAddress() {
    return root.path("Addresses").path("Gateway").asText(DEFAULT_GATEWAY);
  }

  /** The value at a dotted path ({@code Datastore.StorageMax}), or null when absent. */
  public JsonNode get(String dotted) {
    JsonNode n = root;
    for (String part : dotted.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n;
  }

  /**
   * Sets the value at a dotted path, creating missing objects on the way (Kubo's {@code ipfs config
   * KEY VALUE}); every other field stays as it was.
   *
   * @throws ConfigException if a step of the path is not an object
   */
  public void set(String dotted, JsonNode value) throws ConfigException {
    String[] parts = dotted.split("\\.");
    ObjectNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = n.get(parts[i]);
      if (next == null || next.isNull()) {
        next = n.putObject(parts[i]);
      }
      if (!(next instanceof ObjectNode o)) {
        throw new ConfigException("failed to set config value: " + parts[i] + " is not a map in " + dotted);
      }
      n = o;
    }
    n.set(parts[parts.length - 1], value);
  }

  /** A copy of the whole tree. */
  public ObjectNode toTree() {
    return root.deepCopy();
  }
}
