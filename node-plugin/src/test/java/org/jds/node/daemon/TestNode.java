package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;

/** Test helper: a daemon on ephemeral loopback ports over a fresh blobfs repo, and a real HTTP client. */
final class TestNode implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String IMAGE_SIZE = "256MiB";
  final Path repo;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  Daemon daemon;

  private TestNode(Path repo) {
    this.repo = repo;
  }

  /** Makes a repo at a path that does not exist yet. */
  interface RepoInit {
    void init(Path repo) throws Exception;
  }

  /** Inits a blobfs repo in {@code dir} (ports 0) and starts the daemon. */
  static TestNode start(Path dir) throws Exception {
    return start(dir, TestNode::init);
  }

  /** Inits a repo in {@code dir} with {@code init} and starts the daemon. */
  static TestNode start(Path dir, RepoInit init) throws Exception {
    Path repo = dir.resolve("repo");
    init.init(repo);
    TestNode n = new TestNode(repo);
    n.daemon = Daemon.start(repo, false, "0.1.0-test");
    return n;
  }

  static void init(Path repo) throws Exception {
    init(repo, RepoConfig.withSpec(Profiles.spec(Profiles.BLOBFS), IMAGE_SIZE));
  }

  /** Inits a repo with {@code c}, its API and gateway on ephemeral loopback ports. */
  static void init(Path repo, RepoConfig c) throws Exception {
    c.set("Addresses.API", TextNode.valueOf("/ip4/127.0.0.1/tcp/0"));
    c.set("Addresses.Gateway", TextNode.valueOf("/ip4/127.0.0.1/tcp/0"));
    Repo.init(repo, c, false);
  }

  void restart() throws Exception {
    daemon.close();
    daemon = Daemon.start(repo, false, "0.1.0-test");
  }

  String api() {
    return "http://127.0.0.1:" + daemon.apiPort() + "/api/v0/";
  }

  String gateway() {
    return "http://127.0.0.1:" + daemon.gatewayPort();
  }

  HttpResponse<byte[]> post(String commandAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(api() + commandAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  HttpResponse<byte[]> send(HttpRequest r) throws IOException, InterruptedException {
    return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A multipart POST with one {@code file} part per body, as curl -F sends it. */
  HttpResponse<byte[]> postFiles(String commandAndQuery, byte[]... files) throws IOException, InterruptedException {
    String boundary = "----jdsTestBoundary7e200b97";
    HttpRequest r = HttpRequest.newBuilder(URI.create(api() + commandAndQuery))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, files))).build();
    return send(r);
  }

  static byte[] multipart(String boundary, byte[]... files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : files) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"blk.bin\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(f);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  HttpResponse<byte[]> gw(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway() + pathAndQuery)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  /** Puts a block, asserting 200, and returns its CID string. */
  String put(byte[] data, String query) throws Exception {
    HttpResponse<byte[]> r = postFiles("block/put" + query, data);
    assertEquals(200, r.statusCode(), text(r));
    return json(r).get("Key").asText();
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static List<JsonNode> ndjson(HttpResponse<byte[]> r) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text(r).split("\n")) if (!line.isBlank()) out.add(JSON.readTree(line));
    return out;
  }

  @Override
  public void close() throws Exception {
    daemon.close();
  }
}
