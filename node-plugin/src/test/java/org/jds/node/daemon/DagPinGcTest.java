package org.jds.node.daemon;

import static org.jds.node.daemon.TestNode.json;
import static org.jds.node.daemon.TestNode.ndjson;
import static org.jds.node.daemon.TestNode.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jds.node.blockstore.Block;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dag import/export, pins and GC over the RPC, against a fresh blobfs repo each. {@link S3DagPinGcTest}
 * runs the same cases with /blocks on S3.
 */
class DagPinGcTest {
  @TempDir Path dir;

  /** The node under test, on a fresh repo in {@link #dir}. */
  TestNode startNode() throws Exception {
    return TestNode.start(dir);
  }

  /** Bytes the blocks take in their store: here the blobfs image's clusters in use. */
  long storedBytes(TestNode node) throws Exception {
    return BlobfsImages.find(node.daemon.node().repo().datastore()).get(0).usedBytes();
  }

  /** Whether repo/stat's RepoSize (the disk usage of the stores that report one) includes the blocks. */
  boolean repoSizeCountsBlocks() {
    return true;
  }

  /** Metrics lines the store's kind adds (the blobfs image's space). */
  List<String> storeMetrics() {
    return List.of("jds_blobfs_free_bytes{mountpoint=\"/blocks\"}", "jds_blobfs_used_bytes{mountpoint=\"/blocks\"}");
  }

  @Test
  void importExportRoundTripAndPinsRoots() throws Exception {
    TestDags dag = new TestDags(4, 3000, 1);
    try (TestNode node = startNode()) {
      HttpResponse<byte[]> imp = node.postFiles("dag/import?stats=true", dag.carV2());
      assertEquals(200, imp.statusCode(), text(imp));
      assertEquals("1", imp.headers().firstValue("X-Chunked-Output").orElse(null));
      assertEquals("{\"Root\":{\"Cid\":{\"/\":\"" + dag.root + "\"},\"PinErrorMsg\":\"\"}}\n"
          + "{\"Stats\":{\"BlockCount\":" + dag.blocks.size() + ",\"BlockBytesCount\":" + dag.bytes() + "}}\n", text(imp));

      HttpResponse<byte[]> exp = node.post("dag/export?arg=" + dag.root);
      assertEquals(200, exp.statusCode());
      assertEquals("application/vnd.ipld.car", exp.headers().firstValue("Content-Type").orElse(null));
      assertEquals("1", exp.headers().firstValue("X-Stream-Output").orElse(null));
      assertArrayEquals(dag.carV1(), exp.body(), "export is the CAR kubo's order gives");

      JsonNode ls = json(node.post("pin/ls?type=recursive"));
      assertEquals("{\"Keys\":{\"" + dag.root + "\":{\"Type\":\"recursive\",\"Name\":\"\"}}}", ls.toString());
      Block leaf = dag.blocks.get(2);
      assertEquals("indirect through " + dag.root,
          json(node.post("pin/ls?arg=" + leaf.cid())).get("Keys").get(leaf.cid().toString()).get("Type").asText());
      assertEquals("path 'bafkqaaa' is not pinned", json(node.post("pin/ls?arg=bafkqaaa")).get("Message").asText());
      List<JsonNode> indirect = ndjson(node.post("pin/ls?type=indirect&stream=true"));
      assertEquals(dag.blocks.size() - 1, indirect.size());

      // block rm refuses pinned blocks, per item, with HTTP 200.
      HttpResponse<byte[]> rm = node.post("block/rm?arg=" + dag.root + "&arg=" + leaf.cid());
      assertEquals(200, rm.statusCode());
      List<JsonNode> items = ndjson(rm);
      assertEquals("pinned: recursive", items.get(0).get("Error").asText());
      assertEquals("pinned via " + dag.root, items.get(1).get("Error").asText());

      // Without pin-roots nothing is reported or pinned.
      TestDags other = new TestDags(2, 100, 2);
      assertEquals("", text(node.postFiles("dag/import?pin-roots=false", other.carV1())));
      JsonNode all = json(node.post("pin/ls")).get("Keys");
      assertEquals(dag.blocks.size(), all.size(), "the root and its indirect blocks only");
      assertTrue(!all.has(other.root.toString()));
    }
  }

  @Test
  void importOfAnIncompleteDagReportsThePinError() throws Exception {
    TestDags dag = new TestDags(2, 100, 6);
    java.io.ByteArrayOutputStream car = new java.io.ByteArrayOutputStream();
    try (org.jds.node.car.CarWriter w = new org.jds.node.car.CarWriter(car, List.of(dag.root))) {
      for (Block b : dag.blocks.subList(1, dag.blocks.size())) w.write(b); // everything but the root
    }
    try (TestNode node = startNode()) {
      HttpResponse<byte[]> imp = node.postFiles("dag/import", car.toByteArray());
      assertEquals(200, imp.statusCode());
      assertEquals("{\"Root\":{\"Cid\":{\"/\":\"" + dag.root + "\"},\"PinErrorMsg\":\"block was not found locally (offline): "
          + "ipld: could not find " + dag.root + "\"}}\n", text(imp));
      assertEquals("{}", json(node.post("pin/ls?type=recursive")).toString(), "kubo omits an empty Keys");
      assertEquals(200, node.post("block/stat?arg=" + dag.blocks.get(1).cid()).statusCode(), "the blocks were imported");
    }
  }

  @Test
  void gcRemovesUnpinnedKeepsPinnedAndFreesSpace() throws Exception {
    TestDags dag = new TestDags(3, 2000, 3);
    try (TestNode node = startNode()) {
      node.postFiles("dag/import", dag.carV1());
      String direct = node.put("direct pin".getBytes(StandardCharsets.US_ASCII), "");
      assertEquals("{\"Pins\":[\"" + direct + "\"]}", json(node.post("pin/add?arg=" + direct + "&recursive=false")).toString());
      String putPinned = node.put("put with pin".getBytes(StandardCharsets.US_ASCII), "?pin=true");
      Set<String> unpinned = new HashSet<>();
      Random rnd = new Random(4);
      for (int i = 0; i < 40; i++) {
        byte[] d = new byte[200_000];
        rnd.nextBytes(d);
        unpinned.add(node.put(d, ""));
      }
      long storedBefore = storedBytes(node);
      JsonNode statBefore = json(node.post("repo/stat"));

      HttpResponse<byte[]> gc = node.post("repo/gc");
      assertEquals(200, gc.statusCode());
      Set<String> removed = new HashSet<>();
      for (JsonNode n : ndjson(gc)) removed.add(n.get("Key").get("/").asText());
      assertEquals(unpinned, removed, "exactly the unpinned blocks go (listed as CIDv1 raw, as kubo does)");

      for (String u : unpinned) assertEquals(500, node.post("block/stat?arg=" + u).statusCode());
      for (Block b : dag.blocks) assertArrayEquals(b.data(), node.post("block/get?arg=" + b.cid()).body());
      assertEquals(200, node.post("block/stat?arg=" + direct).statusCode());
      assertEquals(200, node.post("block/stat?arg=" + putPinned).statusCode());

      long storedAfter = storedBytes(node);
      assertTrue(storedAfter <= storedBefore - 40L * 200_000, "stored " + storedBefore + " -> " + storedAfter);
      JsonNode statAfter = json(node.post("repo/stat"));
      assertEquals(statBefore.get("NumObjects").asLong() - 40, statAfter.get("NumObjects").asLong());
      if (repoSizeCountsBlocks()) {
        assertTrue(statAfter.get("RepoSize").asLong() < statBefore.get("RepoSize").asLong(), statBefore + " -> " + statAfter);
      }

      // Unpinning the root lets the next GC take the whole DAG.
      assertEquals("{\"Pins\":[\"" + dag.root + "\"]}", json(node.post("pin/rm?arg=" + dag.root)).toString());
      Set<String> second = new HashSet<>();
      for (JsonNode n : ndjson(node.post("repo/gc"))) second.add(n.get("Key").get("/").asText());
      Set<String> dagRaw = new HashSet<>();
      for (Block b : dag.blocks) dagRaw.add(Cid.v1(Multicodec.RAW, b.cid().multihash()).toString());
      assertEquals(dagRaw, second);
      assertEquals(500, node.post("pin/rm?arg=" + dag.root).statusCode());

      String metrics = text(node.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + node.daemon.apiPort() + "/debug/metrics/prometheus")).GET().build()));
      assertTrue(metrics.contains("jds_gc_runs_total 2.0"), metrics);
      for (String m : storeMetrics()) assertTrue(metrics.contains(m), m + " in " + metrics);
      assertTrue(metrics.contains("ipfs_fsrepo_datastore_put_total"), metrics);
      assertTrue(metrics.contains("ipfs_fsrepo_datastore_get_latency_seconds_bucket"), metrics);
      assertTrue(metrics.contains("jds_http_requests_total{code=\"200\",route=\"repo/gc\",server=\"api\"} 2.0"), metrics);
      assertTrue(metrics.contains("jds_http_request_duration_seconds_count{route=\"block/put\",server=\"api\"}"), metrics);
    }
  }

  @Test
  void pinAddNeedsTheWholeDagAndErrorsAfterOutputGoInTheTrailer() throws Exception {
    try (TestNode node = startNode()) {
      Block missingLeaf = TestDags.raw("never stored".getBytes(StandardCharsets.US_ASCII));
      Block root = TestDags.cbor(Map.of("links", List.of(missingLeaf.cid())));
      node.put(root.data(), "?cid-codec=dag-cbor");
      HttpResponse<byte[]> pin = node.post("pin/add?arg=" + root.cid());
      assertEquals(500, pin.statusCode());
      assertTrue(json(pin).get("Message").asText().contains("could not find " + missingLeaf.cid()), text(pin));
      assertEquals("{}", json(node.post("pin/ls")).toString());

      // dag export starts streaming the root, then misses the leaf: 200, then the X-Stream-Error trailer.
      List<String> lines = rawPost(node.daemon.apiPort(), "/api/v0/dag/export?arg=" + root.cid());
      assertEquals("HTTP/1.1 200 OK", lines.get(0));
      String trailer = lines.stream().filter(l -> l.startsWith("X-Stream-Error:")).findFirst().orElse(null);
      assertEquals("X-Stream-Error: ipld: could not find " + missingLeaf.cid(), trailer, lines.toString());
    }
  }

  /** A POST over a plain socket, returning every line of the raw response (so trailers are visible). */
  static List<String> rawPost(int port, String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      List<String> lines = new ArrayList<>();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
      return lines;
    }
  }
}
