package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.jds.flatfs.testkit.StorageFactories;
import org.jds.flatfs.testkit.StoreHolder;
import org.junit.jupiter.api.Test;

/**
 * One writer per store (jds only; go-ds-flatfs has no lock): a second writable open, in this
 * process or another, is refused with an error that names the store and the holder, and changes
 * nothing (in particular it does not wipe the first writer's {@code .temp}).
 */
class WriterLockTest extends FlatfsTestBase {

  @Test
  void aSecondOpenInThisProcessIsRefusedUntilTheFirstCloses() throws Exception {
    FlatfsDatastore first = open(ShardId.DEFAULT);
    first.put(k("/A"), "a".getBytes(UTF_8));
    FlatfsBatch staged = first.batch();
    staged.put(k("/STAGED"), "s".getBytes(UTF_8));
    FlatfsException e = assertThrows(FlatfsException.class, () -> FlatfsDatastore.open(storage(), DS, false));
    assertEquals(FlatfsException.Reason.IN_USE, e.reason());
    assertTrue(e.getMessage().contains(storage().describe(DS)) && e.getMessage().contains("in use"), e.getMessage());
    assertEquals(FlatfsException.Reason.IN_USE,
        assertThrows(FlatfsException.class, () -> FlatfsDatastore.createOrOpen(storage(), DS, ShardId.DEFAULT, false)).reason());
    staged.commit(); // its staging files in .temp survived the refused open
    assertArrayEquals("s".getBytes(UTF_8), first.get(k("/STAGED")));
    first.close();
    FlatfsDatastore again = track(FlatfsDatastore.open(storage(), DS, false));
    assertArrayEquals("a".getBytes(UTF_8), again.get(k("/A")));
  }

  @Test
  void anotherProcessHoldingTheStoreIsNamed() throws Exception {
    String factory = StorageFactories.current().getClass().getName();
    Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
            StoreHolder.class.getName(), factory, hostDir.resolve("storage").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
      assertEquals(StoreHolder.READY, out.readLine());
      IOException refused = assertThrows(IOException.class, this::openFreshStorage);
      String msg = refused.getMessage();
      assertTrue(msg.contains("in use"), msg);
      assertTrue(msg.contains("pid " + p.pid()) && msg.contains(StoreHolder.class.getName()), msg);
      try (OutputStream in = p.getOutputStream()) {
        in.write('\n');
      }
      assertEquals(StoreHolder.CLOSED, out.readLine());
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    try (Storage s = StorageFactories.current().open(hostDir.resolve("storage"));
        FlatfsDatastore ds = FlatfsDatastore.open(s, DS, false)) {
      assertArrayEquals("held".getBytes(UTF_8), ds.get(k("/HELD")));
    }
  }

  /** Opens a new storage and the store on it for writing; a refusal comes from either. */
  private void openFreshStorage() throws IOException {
    Storage s = StorageFactories.current().open(hostDir.resolve("storage"));
    try {
      FlatfsDatastore.open(s, DS, false).close();
    } catch (org.jds.datastore.DatastoreException e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      s.close();
    }
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
