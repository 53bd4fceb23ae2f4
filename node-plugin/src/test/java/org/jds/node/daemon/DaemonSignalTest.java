package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jds.node.repo.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to a child {@code jds daemon}: SIGTERM lets in-flight requests (a download being sent, an upload
 * still arriving) finish and leaves the blobfs image clean; a second signal forces the exit while a
 * request still hangs.
 */
class DaemonSignalTest {
  @TempDir Path dir;

  /** Opens an upload of {@code body} and sends all but its last 10 bytes. */
  static Socket partialUpload(int port, byte[] body) throws Exception {
    Socket s = new Socket("127.0.0.1", port);
    OutputStream out = s.getOutputStream();
    out.write(("POST /api/v0/block/put HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(body, 0, body.length - 10);
    out.flush();
    return s;
  }

  @Test
  void sigtermLetsInFlightRequestsFinishAndLeavesTheImageClean() throws Exception {
    Path repo = dir.resolve("repo");
    TestNode.init(repo);
    ChildDaemon c = ChildDaemon.start(repo);
    byte[] big = new byte[48 << 20]; // far more than the loopback socket buffers hold
    new java.util.Random(8).nextBytes(big);
    String api = "http://127.0.0.1:" + c.port() + "/api/v0/";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(URI.create(api + "block/put?allow-big-block=true"))
        .header("Content-Type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofByteArray(TestNode.multipart("b", big))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, put.statusCode());
    String cid = TestNode.json(put).get("Key").asText();
    // The response has started (headers are in) and the server is still writing when the signal comes.
    HttpResponse<InputStream> get = http.send(HttpRequest.newBuilder(URI.create(api + "block/get?arg=" + cid))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, get.statusCode());
    // And an upload whose body is still arriving.
    byte[] upload = TestNode.multipart("b", "in flight at shutdown".getBytes(StandardCharsets.US_ASCII));
    try (Socket s = partialUpload(c.port(), upload)) {
      c.sigterm();
      c.await("Received interrupt signal");
      s.getOutputStream().write(upload, upload.length - 10, 10);
      s.getOutputStream().flush();
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.contains("\"Size\":21"), response);
    }
    try (InputStream in = get.body()) {
      assertArrayEquals(big, in.readAllBytes(), "the in-flight response completed");
    }
    assertTrue(c.process().waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, c.process().exitValue());
    c.await("daemon stopped");
    try (Repo r = Repo.open(repo)) {
      assertTrue(((org.jds.blobfs.fs.PureBlobFileSystem) BlobfsImages.find(r.datastore()).get(0).fileSystem()).blobstore().wasClean(), "blobfs image marked clean");
      assertArrayEquals(big, r.blockstore().get(org.jds.node.multiformats.Cid.parse(cid)));
    }
  }

  @Test
  void aSecondSignalForcesTheExit() throws Exception {
    Path repo = dir.resolve("repo");
    TestNode.init(repo);
    ChildDaemon c = ChildDaemon.start(repo);
    byte[] body = TestNode.multipart("b", "never finished".getBytes(StandardCharsets.US_ASCII));
    try (Socket s = partialUpload(c.port(), body)) {
      c.sigterm();
      c.await("Received interrupt signal");
      c.sigterm(); // the upload still hangs: only the second signal ends the process now
      assertTrue(c.process().waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, c.process().exitValue());
    }
  }
}
