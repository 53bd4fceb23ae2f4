package org.jds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jds.interop.ValueGen;

/**
 * The load generator of the node set, the same for every daemon: one HTTP/1.1 client (the JDK's,
 * connections kept alive and reused) shared by {@code writers} threads. Its workloads:
 * {@link #PUT} ({@code POST /api/v0/block/put}, one multipart file part, default raw codec and
 * sha2-256), {@link #GET} ({@code POST /api/v0/block/get?arg=CID}) and {@link #GATEWAY}
 * ({@code GET /ipfs/CID?format=raw}); every answer is checked (status, a {@code Key}, the length). Bodies are
 * made before the clock starts. The CIDs a put returned are kept for the reads of the same round.
 * One instance per daemon; {@link #run} from one thread at a time.
 */
final class NodeLoad {
  static final String PUT = "rpc-put";
  static final String GET = "rpc-get";
  static final String GATEWAY = "gw-get";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY = "----jdsBenchBoundary5d1f0a93";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String api;
  private final String gateway;
  /** CIDs put, by store and seed: the reads of a round read what that round's put wrote. */
  private final Map<String, String[]> cids = new HashMap<>();

  NodeLoad(int apiPort, int gatewayPort) {
    this.api = "http://127.0.0.1:" + apiPort + "/api/v0/";
    this.gateway = "http://127.0.0.1:" + gatewayPort + "/ipfs/";
  }

  /**
   * Runs {@code w} with {@code n} requests from {@code w.writers()} clients.
   *
   * @throws Exception if a request fails or an answer is wrong, or the reads find no put to read
   */
  Contestant.Sample run(Workload w, int n, long seed) throws Exception {
    String store = w.store() + "/" + seed;
    switch (w.op()) {
      case PUT -> {
        byte[][] bodies = new byte[n][];
        for (int i = 0; i < n; i++) {
          bodies[i] = multipart(ValueGen.gen(w.size(), blockSeed(w.store(), seed, i)));
        }
        String[] out = new String[n];
        long t0 = System.nanoTime();
        JavaStore.parallel(n, w.writers(), i -> out[i] = put(bodies[i]));
        double sec = (System.nanoTime() - t0) / 1e9;
        cids.put(store, out);
        return new Contestant.Sample(n, sec, 0);
      }
      case GET, GATEWAY -> {
        String[] put = cids.get(store);
        if (put == null || put.length < n) {
          throw new IllegalStateException("no put of " + n + " blocks in store " + store + " to read");
        }
        int[] order = JavaStore.permutation(n, seed);
        boolean rpc = w.op().equals(GET);
        long t0 = System.nanoTime();
        JavaStore.parallel(n, w.writers(), i -> read(rpc, put[order[i]], w.size()));
        return new Contestant.Sample(n, (System.nanoTime() - t0) / 1e9, 0);
      }
      default -> throw new IllegalArgumentException("not a node workload: " + w.op());
    }
  }

  /** Distinct blocks per store, round and index, the same for every daemon. */
  private static long blockSeed(String store, long seed, int i) {
    return ((store.hashCode() & 0xffffL) << 44) ^ (seed << 32) ^ i;
  }

  private String put(byte[] body) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(api + "block/put")).timeout(TIMEOUT)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    if (res.statusCode() != 200) {
      throw new IOException("block/put: HTTP " + res.statusCode() + ": " + text(res.body()));
    }
    JsonNode key = JSON.readTree(res.body()).get("Key");
    if (key == null || !key.isTextual()) {
      throw new IOException("block/put answered no Key: " + text(res.body()));
    }
    return key.textValue();
  }

  private void read(boolean rpc, String cid, int size) throws IOException, InterruptedException {
    HttpRequest r = rpc
        ? HttpRequest.newBuilder(URI.create(api + "block/get?arg=" + cid)).timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody()).build()
        : HttpRequest.newBuilder(URI.create(gateway + cid + "?format=raw")).timeout(TIMEOUT).GET().build();
    HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    if (res.statusCode() != 200 || res.body().length != size) {
      throw new IOException((rpc ? "block/get " : "gateway GET ") + cid + ": HTTP " + res.statusCode() + ", "
          + res.body().length + " bytes, expected " + size);
    }
  }

  /** One {@code file} part, as {@code curl -F file=@x} sends it. */
  private static byte[] multipart(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(data.length + 256);
    b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"block\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(data);
    b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private static String text(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
