package org.jds.s3ds;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad credentials, a missing bucket, an unreachable endpoint and a server that never answers give a
 * clear checked error within the configured call timeout, never a hang.
 */
class S3FailureTest {
  /** Every call here is bounded by this; the assertions allow it twice over, never a fixed speed. */
  private static final Duration CALL = Duration.ofSeconds(10);

  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("present");

  private static S3Config quick(S3Config c) {
    return c.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), CALL, 2);
  }

  /** Opens with {@code c}, expecting a DatastoreIOException within twice the call timeout. */
  private static String openFails(S3Config c) {
    long t0 = System.nanoTime();
    DatastoreIOException e = assertThrows(DatastoreIOException.class, () -> S3Datastore.open(c).close());
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertTrue(took.compareTo(CALL.multipliedBy(2)) < 0, "took " + took + ": " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void wrongSecretKeyIsBadCredentials() {
    String m = openFails(quick(MINIO.minio().config("present").withCredentials(Minio.ACCESS_KEY, "wrong-secret-key", "")));
    assertTrue(m.contains("bad credentials for bucket present at " + MINIO.minio().endpoint()), m);
    assertTrue(m.contains("SignatureDoesNotMatch"), m);
  }

  @Test
  void unknownAccessKeyIsBadCredentials() {
    String m = openFails(quick(MINIO.minio().config("present").withCredentials("nosuchuser", "whatever-secret", "")));
    assertTrue(m.contains("bad credentials"), m);
    assertTrue(m.contains("InvalidAccessKeyId"), m);
  }

  @Test
  void missingBucketIsNamed() {
    String m = openFails(quick(MINIO.minio().config("absent")));
    assertTrue(m.contains("bucket absent at " + MINIO.minio().endpoint() + " does not exist"), m);
  }

  @Test
  void unreachableEndpointIsNamed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    } // closed: nothing listens there now
    String url = "http://127.0.0.1:" + port;
    String m = openFails(quick(MINIO.minio().config("present").withEndpoint(url)));
    assertTrue(m.contains("cannot reach bucket present at " + url), m);
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accept and never answer
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String m = openFails(quick(MINIO.minio().config("present").withEndpoint("http://127.0.0.1:" + silent.getLocalPort())));
      assertTrue(m.contains("timed out") || m.contains("no answer"), m);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aStoreWhoseServerDiesFailsCallsInsteadOfHanging() throws Exception {
    try (S3Datastore ds = S3Datastore.open(quick(MINIO.minio().config("present")))) {
      ds.put(Key.of("/before"), new byte[] {1});
      MINIO.minio().kill();
      try {
        long t0 = System.nanoTime();
        DatastoreException e = assertThrows(DatastoreIOException.class, () -> ds.get(Key.of("/before")));
        assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());
        assertThrows(DatastoreIOException.class, () -> ds.put(Key.of("/after"), new byte[] {2}));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(CALL.multipliedBy(4)) < 0);
      } finally {
        MINIO.minio().start();
      }
    }
  }
}
