package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.multiformats.Cid;
import org.jds.node.pin.Pinner;
import org.jds.node.repo.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a child {@code jds daemon} while four clients write: after N acknowledged puts
 * the process is killed mid-stream; the repo then reopens and every acknowledged block is intact
 * (and every acknowledged pin is there).
 */
class KillDaemonTest {
  static final int ACKED_BEFORE_KILL = 300;
  static final Pattern LISTENING = Pattern.compile("RPC API server listening on /ip4/127\\.0\\.0\\.1/tcp/(\\d+)");

  @TempDir Path dir;

  @Test
  void acknowledgedBlocksSurviveKill9() throws Exception {
    Path repo = dir.resolve("repo");
    TestNode.init(repo);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.jds.node.cli.Jds",
        "daemon", "--repo-dir", repo.toString()).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
      } catch (java.io.IOException e) {
        // the process died
      }
    });
    reader.setDaemon(true);
    reader.start();
    int port = -1;
    try {
      List<String> seen = new ArrayList<>();
      while (port < 0) {
        String l = lines.poll(120, TimeUnit.SECONDS);
        assertTrue(l != null, "daemon printed no address: " + seen);
        seen.add(l);
        Matcher m = LISTENING.matcher(l);
        if (m.find()) port = Integer.parseInt(m.group(1));
      }
      String api = "http://127.0.0.1:" + port + "/api/v0/";
      Map<String, byte[]> acked = new ConcurrentHashMap<>();
      Map<String, Boolean> pinnedAck = new ConcurrentHashMap<>();
      CountDownLatch enough = new CountDownLatch(ACKED_BEFORE_KILL);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int id = w;
        Thread t = new Thread(() -> {
          Random rnd = new Random(id);
          while (true) {
            byte[] d = new byte[512 + rnd.nextInt(16 << 10)];
            rnd.nextBytes(d);
            boolean pin = rnd.nextBoolean();
            try {
              HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api + "block/put" + (pin ? "?pin=true" : "")))
                  .header("Content-Type", "multipart/form-data; boundary=b")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(TestNode.multipart("b", d))).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() != 200) return;
              String cid = TestNode.JSON.readTree(r.body()).get("Key").asText();
              acked.put(cid, d); // acknowledged: the response arrived
              if (pin) pinnedAck.put(cid, true);
              enough.countDown();
            } catch (Exception e) {
              return; // the daemon is gone
            }
          }
        });
        t.start();
        writers.add(t);
      }
      assertTrue(enough.await(300, TimeUnit.SECONDS), "writes were acknowledged");
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(137, p.exitValue(), "killed by SIGKILL");
      for (Thread t : writers) t.join();

      try (Repo r = Repo.open(repo)) {
        Blockstore bs = r.blockstore();
        Pinner pins = new Pinner(r.datastore());
        for (Map.Entry<String, byte[]> e : acked.entrySet()) {
          Cid c = Cid.parse(e.getKey());
          assertArrayEquals(e.getValue(), bs.get(c), "acknowledged block " + c);
          if (pinnedAck.containsKey(e.getKey())) assertTrue(pins.isRecursive(c), "acknowledged pin " + c);
        }
        System.out.printf("kill -9: %d acknowledged blocks (%d pinned) intact after reopening%n", acked.size(), pinnedAck.size());
      }
    } finally {
      p.destroyForcibly();
    }
  }
}
