package org.jds.node.daemon;

import static org.jds.node.daemon.TestNode.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarReader;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trustless gateway over a real socket: raw and CAR responses with kubo's headers (node.md §8.5).
 * On a blobfs repo; {@link S3GatewayTest} runs the same cases with /blocks on S3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest {
  static final String IMMUTABLE = "public, max-age=29030400, immutable";
  static final byte[] TWENTY = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

  TestNode node;
  TestDags dag;
  String raw;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = startNode(dir);
    dag = new TestDags(3, 500, 9);
    node.postFiles("dag/import", dag.carV1());
    raw = node.put(TWENTY, "");
  }

  /** The node under test, on a fresh repo in {@code dir}. */
  TestNode startNode(Path dir) throws Exception {
    return TestNode.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    node.close();
  }

  static String h(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  static void assertCors(HttpResponse<?> r) {
    assertEquals("*", h(r, "Access-Control-Allow-Origin"));
    assertEquals(List.of("GET", "HEAD", "OPTIONS"), r.headers().allValues("Access-Control-Allow-Methods"));
    assertEquals(List.of("Content-Length", "Content-Range", "Ipfs-Uri", "X-Chunked-Output", "X-Ipfs-Roots", "X-Stream-Output"),
        r.headers().allValues("Access-Control-Expose-Headers"));
  }

  @Test
  void rawBlockWithKubosHeaders() throws Exception {
    HttpResponse<byte[]> r = node.gw("/ipfs/" + raw + "?format=raw");
    assertEquals(200, r.statusCode());
    assertArrayEquals(TWENTY, r.body());
    assertEquals("application/vnd.ipld.raw", h(r, "Content-Type"));
    assertEquals("20", h(r, "Content-Length"));
    assertEquals("\"" + raw + ".raw\"", h(r, "Etag"));
    assertEquals(IMMUTABLE, h(r, "Cache-Control"));
    assertEquals("nosniff", h(r, "X-Content-Type-Options"));
    assertEquals("bytes", h(r, "Accept-Ranges"));
    assertEquals("attachment; filename=\"" + raw + ".bin\"; filename*=UTF-8''" + raw + ".bin", h(r, "Content-Disposition"));
    assertEquals(raw, h(r, "X-Ipfs-Roots"));
    assertEquals("ipfs://" + raw, h(r, "Ipfs-Uri"));
    assertCors(r);

    HttpResponse<byte[]> accept = node.gw("/ipfs/" + raw, "Accept", "application/vnd.ipld.raw");
    assertArrayEquals(TWENTY, accept.body());

    HttpResponse<byte[]> head = node.send(HttpRequest.newBuilder(URI.create(node.gateway() + "/ipfs/" + raw + "?format=raw"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
    assertEquals("20", h(head, "Content-Length"));
    assertEquals("\"" + raw + ".raw\"", h(head, "Etag"));
  }

  @Test
  void rangesAndConditionalRequests() throws Exception {
    HttpResponse<byte[]> part = node.gw("/ipfs/" + raw + "?format=raw", "Range", "bytes=2-5");
    assertEquals(206, part.statusCode());
    assertEquals("2345", text(part));
    assertEquals("bytes 2-5/20", h(part, "Content-Range"));
    assertEquals("4", h(part, "Content-Length"));
    assertEquals("ghij", text(node.gw("/ipfs/" + raw + "?format=raw", "Range", "bytes=-4")));
    assertEquals(416, node.gw("/ipfs/" + raw + "?format=raw", "Range", "bytes=30-").statusCode());

    HttpResponse<byte[]> same = node.gw("/ipfs/" + raw + "?format=raw", "If-None-Match", "\"" + raw + ".raw\"");
    assertEquals(304, same.statusCode());
    assertEquals(IMMUTABLE, h(same, "Cache-Control"));
    assertEquals("\"" + raw + ".raw\"", h(same, "Etag"));
    // Another form of the same CID is another Etag: 200.
    String upper = Cid.parse(raw).toString(org.jds.node.multiformats.Multibase.BASE32_UPPER);
    assertEquals(200, node.gw("/ipfs/" + upper + "?format=raw", "If-None-Match", "\"" + raw + ".raw\"").statusCode());
  }

  @Test
  void probeNeedsNoStorage() throws Exception {
    HttpResponse<byte[]> p = node.gw("/ipfs/bafkqaaa");
    assertEquals(200, p.statusCode());
    assertEquals("0", h(p, "Content-Length"));
    assertEquals("\"bafkqaaa\"", h(p, "Etag"));
    assertEquals("text/plain", h(p, "Content-Type"));
    HttpResponse<byte[]> pr = node.gw("/ipfs/bafkqaaa?format=raw");
    assertEquals(200, pr.statusCode());
    assertEquals("\"bafkqaaa.raw\"", h(pr, "Etag"));
    assertEquals("application/vnd.ipld.raw", h(pr, "Content-Type"));
    assertEquals(0, pr.body().length);
    try (CarReader car = CarReader.open(new ByteArrayInputStream(node.gw("/ipfs/bafkqaaa?format=car").body()))) {
      assertEquals(List.of(Cid.parse("bafkqaaa")), car.roots());
    }
  }

  @Test
  void carResponsesFollowScopeAndDups() throws Exception {
    HttpResponse<byte[]> car = node.gw("/ipfs/" + dag.root + "?format=car");
    assertEquals(200, car.statusCode());
    assertEquals("application/vnd.ipld.car; version=1; order=dfs; dups=n", h(car, "Content-Type"));
    assertEquals("none", h(car, "Accept-Ranges"));
    assertEquals(IMMUTABLE, h(car, "Cache-Control"));
    assertEquals("attachment; filename=\"" + dag.root + ".car\"; filename*=UTF-8''" + dag.root + ".car", h(car, "Content-Disposition"));
    assertTrue(h(car, "Etag").matches("W/\"" + dag.root + "\\.car\\.[0-9a-v]+\""), h(car, "Etag"));
    assertEquals(dag.root.toString(), h(car, "X-Ipfs-Roots"));
    assertEquals("nosniff", h(car, "X-Content-Type-Options"));
    assertNull(h(car, "Content-Location"));
    assertArrayEquals(dag.carV1(), car.body(), "the same bytes as dag export");
    assertArrayEquals(node.post("dag/export?arg=" + dag.root).body(), car.body());

    HttpResponse<byte[]> byAccept = node.gw("/ipfs/" + dag.root, "Accept", "application/vnd.ipld.car");
    assertArrayEquals(dag.carV1(), byAccept.body());
    assertEquals("/ipfs/" + dag.root + "?format=car", h(byAccept, "Content-Location"));
    assertEquals(h(car, "Etag"), h(byAccept, "Etag"));

    HttpResponse<byte[]> block = node.gw("/ipfs/" + dag.root + "?format=car&dag-scope=block");
    assertEquals(List.of(dag.root), cids(block.body()));
    assertTrue(!h(block, "Etag").equals(h(car, "Etag")), "scope changes the Etag");
    assertEquals(304, node.gw("/ipfs/" + dag.root + "?format=car", "If-None-Match", h(car, "Etag")).statusCode());

    Block leaf = dag.blocks.get(2);
    Block twice = TestDags.cbor(Map.of("a", leaf.cid(), "b", leaf.cid()));
    node.put(twice.data(), "?cid-codec=dag-cbor");
    assertEquals(List.of(twice.cid(), leaf.cid()), cids(node.gw("/ipfs/" + twice.cid() + "?format=car").body()));
    HttpResponse<byte[]> dups = node.gw("/ipfs/" + twice.cid(), "Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=y");
    assertEquals("application/vnd.ipld.car; version=1; order=dfs; dups=y", h(dups, "Content-Type"));
    assertEquals(List.of(twice.cid(), leaf.cid(), leaf.cid()), cids(dups.body()));
    assertEquals(List.of(twice.cid()), cids(node.gw("/ipfs/" + twice.cid() + "?format=car&dag-scope=entity").body()));
    assertEquals(400, node.gw("/ipfs/" + dag.root + "?format=car&dag-scope=everything").statusCode());
  }

  static List<Cid> cids(byte[] car) throws Exception {
    List<Cid> out = new ArrayList<>();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      for (Block b = r.next(); b != null; b = r.next()) out.add(b.cid());
    }
    return out;
  }

  @Test
  void errorsAreImmediateAndTyped() throws Exception {
    String missing = "bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    HttpResponse<byte[]> nf = node.gw("/ipfs/" + missing + "?format=raw");
    assertEquals(404, nf.statusCode());
    assertEquals("text/plain;charset=utf-8", h(nf, "Content-Type").replace("; ", ";"));
    assertTrue(text(nf).contains("ipld: could not find " + missing), text(nf));
    assertEquals(404, node.gw("/ipfs/" + missing + "?format=car").statusCode());

    HttpResponse<byte[]> bad = node.gw("/ipfs/notacid?format=raw");
    assertEquals(400, bad.statusCode());
    assertTrue(text(bad).startsWith("invalid path \"/ipfs/notacid\": invalid cid"), text(bad));

    HttpResponse<byte[]> post = node.send(HttpRequest.newBuilder(URI.create(node.gateway() + "/ipfs/bafkqaaa"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(405, post.statusCode());
    assertEquals(List.of("GET", "HEAD", "OPTIONS"), post.headers().allValues("Allow"));
    assertEquals("Method POST not allowed: read only access\n", text(post));

    assertEquals(406, node.gw("/ipfs/" + raw).statusCode(), "no deserialized responses on a trustless gateway");
  }
}
