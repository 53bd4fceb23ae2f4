package org.jds.node.daemon;

import static org.jds.node.daemon.TestNode.json;
import static org.jds.node.daemon.TestNode.ndjson;
import static org.jds.node.daemon.TestNode.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.jds.node.blockstore.Block;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubo's RPC over a real socket: block commands, version/id, and the transport's headers and errors
 * (node.md §8.3). On a blobfs repo; {@link S3RpcBlockTest} runs the same cases with /blocks on S3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcBlockTest {
  /** "hello block\n", and its CIDs from the kubo v0.43.1 transcripts (block_put.txt, block_put_bad_codec.txt). */
  static final byte[] HELLO = "hello block\n".getBytes(StandardCharsets.US_ASCII);
  static final String HELLO_RAW = "bafkreidisjp6jmjonhw67p4j2cwwr2lohkce3lqrkjwcngr6lqgsjb6g2i";
  static final String HELLO_DAGPB = "bafybeidisjp6jmjonhw67p4j2cwwr2lohkce3lqrkjwcngr6lqgsjb6g2i";

  TestNode node;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = startNode(dir);
  }

  /** The node under test, on a fresh repo in {@code dir}. */
  TestNode startNode(Path dir) throws Exception {
    return TestNode.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    node.close();
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  static void assertKuboHeaders(HttpResponse<?> r) {
    assertEquals("X-Stream-Output, X-Chunked-Output, X-Content-Length", header(r, "Access-Control-Expose-Headers"));
    assertEquals("X-Stream-Output, X-Chunked-Output, X-Content-Length", header(r, "Access-Control-Allow-Headers"));
    assertEquals("X-Stream-Error", header(r, "Trailer"));
    assertEquals("Origin", header(r, "Vary"));
    assertEquals("jds/0.1.0-test", header(r, "Server"));
    assertEquals("chunked", header(r, "Transfer-Encoding"));
  }

  @Test
  void versionIsSemverJson() throws Exception {
    HttpResponse<byte[]> r = node.post("version");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", header(r, "Content-Type"));
    assertKuboHeaders(r);
    JsonNode v = json(r);
    assertTrue(v.get("Version").asText().matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), v.toString());
    assertEquals("18", v.get("Repo").asText());
    assertEquals(List.of("Version", "Commit", "Repo", "System", "Golang"), fieldNames(v));
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void idIsAStableEd25519PeerId() throws Exception {
    JsonNode id = json(node.post("id"));
    String peer = id.get("ID").asText();
    assertTrue(peer.startsWith("12D3KooW"), peer);
    byte[] pub = Base64.getDecoder().decode(id.get("PublicKey").asText());
    assertEquals(36, pub.length);
    assertArrayEquals(new byte[] {0x08, 0x01, 0x12, 0x20}, java.util.Arrays.copyOf(pub, 4));
    // The peer ID is the identity multihash (00 24) of the public key protobuf, in base58btc.
    byte[] mh = Multibase.BASE58_BTC.decodeRaw(peer);
    assertArrayEquals(pub, java.util.Arrays.copyOfRange(mh, 2, mh.length));
    assertEquals(List.of("ID", "PublicKey", "Addresses", "AgentVersion", "Protocols"), fieldNames(id));
    node.restart();
    assertEquals(peer, json(node.post("id")).get("ID").asText());
  }

  @Test
  void putGetStatRmLikeKubo() throws Exception {
    HttpResponse<byte[]> put = node.postFiles("block/put", HELLO);
    assertEquals(200, put.statusCode());
    assertEquals("1", header(put, "X-Chunked-Output"));
    assertKuboHeaders(put);
    assertEquals("{\"Key\":\"" + HELLO_RAW + "\",\"Size\":12}\n", text(put));

    HttpResponse<byte[]> get = node.post("block/get?arg=" + HELLO_RAW);
    assertEquals(200, get.statusCode());
    assertEquals("application/vnd.ipld.raw", header(get, "Content-Type"));
    assertEquals("1", header(get, "X-Stream-Output"));
    assertArrayEquals(HELLO, get.body());

    HttpResponse<byte[]> stat = node.post("block/stat?arg=/ipfs/" + HELLO_RAW);
    assertEquals("{\"Key\":\"" + HELLO_RAW + "\",\"Size\":12}\n", text(stat));
    assertEquals(null, header(stat, "X-Chunked-Output"));

    assertEquals(HELLO_DAGPB, node.put(HELLO, "?cid-codec=dag-pb"));
    // Lookups ignore the codec: the dag-pb CID finds the same bytes.
    assertArrayEquals(HELLO, node.post("block/get?arg=" + HELLO_DAGPB).body());

    HttpResponse<byte[]> rm = node.post("block/rm?arg=" + HELLO_RAW);
    assertEquals("{\"Hash\":\"" + HELLO_RAW + "\"}\n", text(rm));
    HttpResponse<byte[]> again = node.post("block/rm?arg=" + HELLO_RAW);
    assertEquals(200, again.statusCode());
    assertEquals("{\"Hash\":\"" + HELLO_RAW + "\",\"Error\":\"ipld: could not find " + HELLO_RAW + "\"}\n", text(again));
    assertEquals("", text(node.post("block/rm?arg=" + HELLO_RAW + "&force=true&quiet=true")));
  }

  @Test
  void severalCodecsAndHashes() throws Exception {
    Random rnd = new Random(12);
    String[][] cases = {
      {"?mhtype=sha2-512", "raw", "sha2-512"},
      {"?mhtype=sha3-256&cid-codec=dag-cbor", "dag-cbor", "sha3-256"},
      {"?mhtype=blake2b-256&cid-codec=dag-json", "dag-json", "blake2b-256"},
      {"?mhtype=sha2-256&mhlen=20", "raw", "sha2-256"},
      {"?mhtype=sha1", "raw", "sha1"},
    };
    for (String[] c : cases) {
      byte[] data = new byte[1000 + rnd.nextInt(5000)];
      rnd.nextBytes(data);
      if (!c[1].equals("raw")) data = "{}".getBytes(StandardCharsets.US_ASCII);
      String key = node.put(data, c[0]);
      Cid cid = Cid.parse(key);
      assertEquals(org.jds.node.multiformats.Multicodec.codecNamed(c[1]).code(), cid.codec(), c[0]);
      assertEquals(org.jds.node.multiformats.Multicodec.hashNamed(c[2]).code(), cid.multihash().code(), c[0]);
      if (c[0].contains("mhlen=20")) assertEquals(20, cid.multihash().digestLength());
      assertArrayEquals(data, node.post("block/get?arg=" + key).body(), c[0]);
      assertEquals(data.length, json(node.post("block/stat?arg=" + key)).get("Size").asInt());
    }
    String v0 = node.put("v0 block".getBytes(StandardCharsets.US_ASCII), "?format=v0");
    assertTrue(v0.startsWith("Qm"), v0);
  }

  @Test
  void bigBlocksNeedAllowBigBlock() throws Exception {
    byte[] big = new byte[Block.SOFT_LIMIT + 1];
    new Random(3).nextBytes(big);
    HttpResponse<byte[]> r = node.postFiles("block/put", big);
    assertEquals(500, r.statusCode());
    assertTrue(json(r).get("Message").asText().startsWith("produced block is over 2MiB"), text(r));
    String key = node.put(big, "?allow-big-block=true");
    assertArrayEquals(big, node.post("block/get?arg=" + key).body());
  }

  @Test
  void errorsHaveKubosShapesAndStatuses() throws Exception {
    HttpResponse<byte[]> missing = node.post("block/get?arg=bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assertEquals(500, missing.statusCode());
    assertEquals("application/json", header(missing, "Content-Type"));
    assertKuboHeaders(missing);
    assertEquals("{\"Message\":\"block was not found locally (offline): ipld: could not find "
        + "bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"Code\":0,\"Type\":\"error\"}\n", text(missing));

    HttpResponse<byte[]> bad = node.post("block/get?arg=notacid");
    assertEquals(500, bad.statusCode());
    assertEquals("invalid path \"notacid\": path does not have enough components", json(bad).get("Message").asText());

    HttpResponse<byte[]> noArg = node.post("block/get");
    assertEquals(400, noArg.statusCode());
    // Jetty writes the media type without the space kubo (Go) puts after the semicolon.
    assertEquals("text/plain;charset=utf-8", header(noArg, "Content-Type").replace("; ", ";"));
    assertEquals("argument \"cid\" is required\n", text(noArg));

    HttpResponse<byte[]> unknown = node.post("nosuchcommand");
    assertEquals(404, unknown.statusCode());
    assertEquals("404 page not found\n", text(unknown));

    HttpResponse<byte[]> get = node.send(HttpRequest.newBuilder(URI.create(node.api() + "version")).GET().build());
    assertEquals(405, get.statusCode());
    assertEquals("OPTIONS, POST", header(get, "Allow"));
    assertEquals("405 - Method Not Allowed\n", text(get));

    HttpResponse<byte[]> options = node.send(HttpRequest.newBuilder(URI.create(node.api() + "version"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(204, options.statusCode());
    assertEquals("OPTIONS, POST", header(options, "Allow"));

    HttpResponse<byte[]> evil = node.send(HttpRequest.newBuilder(URI.create(node.api() + "version"))
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(403, evil.statusCode());
    assertEquals("403 - Forbidden\n", text(evil));
    HttpResponse<byte[]> own = node.send(HttpRequest.newBuilder(URI.create(node.api() + "version"))
        .header("Origin", "http://127.0.0.1:" + node.daemon.apiPort()).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, own.statusCode());

    HttpResponse<byte[]> noFile = node.post("block/put");
    assertEquals(400, noFile.statusCode());
    assertEquals("argument \"data\" is required\n", text(noFile));
  }

  @Test
  void chunkedUploadsWork() throws Exception {
    String boundary = "chunkedBoundary";
    byte[] body = TestNode.multipart(boundary, "chunked upload".getBytes(StandardCharsets.US_ASCII));
    // ofInputStream has no length, so the client sends Transfer-Encoding: chunked, as kubo's CLI does.
    HttpResponse<byte[]> r = node.send(HttpRequest.newBuilder(URI.create(node.api() + "block/put"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    assertEquals(200, r.statusCode(), text(r));
    String key = json(r).get("Key").asText();
    assertEquals("chunked upload", text(node.post("block/get?arg=" + key)));
  }

  @Test
  void refsLocalRepoStatAndVerify() throws Exception {
    String key = node.put("listed block".getBytes(StandardCharsets.US_ASCII), "?cid-codec=dag-cbor&format=");
    List<JsonNode> refs = ndjson(node.post("refs/local"));
    String asRaw = Cid.v1(org.jds.node.multiformats.Multicodec.RAW, Cid.parse(key).multihash()).toString();
    assertTrue(refs.stream().anyMatch(n -> n.get("Ref").asText().equals(asRaw) && n.get("Err").asText().isEmpty()), refs.toString());
    JsonNode stat = json(node.post("repo/stat"));
    assertEquals(List.of("RepoSize", "StorageMax", "NumObjects", "RepoPath", "Version"), fieldNames(stat));
    assertEquals(refs.size(), stat.get("NumObjects").asInt());
    assertEquals(256L << 20, stat.get("StorageMax").asLong());
    assertEquals("fs-repo@18", stat.get("Version").asText());
    assertTrue(stat.get("RepoSize").asLong() > 0);
    List<JsonNode> verify = ndjson(node.post("repo/verify"));
    assertEquals("verify complete, all blocks validated.", verify.get(verify.size() - 1).get("Msg").asText());
    assertFalse(verify.stream().anyMatch(n -> n.get("Msg").asText().contains("corrupt")));
  }
}
