package org.jds.s3ds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jds.datastore.Batch;
import org.jds.datastore.ClosedException;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** s3ds's layout (go-ds-s3's object names), paging, batch groups and key checks, on a real MinIO. */
class S3DatastoreTest {
  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("layout", "rootless", "paging", "keys");
  static Minio minio;
  static S3Client raw;

  @BeforeAll
  static void client() {
    minio = MINIO.minio();
    raw = minio.client();
  }

  @AfterAll
  static void closeClient() {
    raw.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Set<String> objectNames(String bucket) {
    Set<String> out = new TreeSet<>();
    for (S3Object o : raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
      out.add(o.key());
    }
    return out;
  }

  @Test
  void objectNameIsRootDirectoryJoinedWithTheKeyAndTheValueIsRaw() throws Exception {
    try (S3Datastore ds = S3Datastore.open(minio.config("layout").withRootDirectory("/ipfs/node1/"))) {
      ds.put(Key.of("/CIQABC"), bytes("block bytes"));
      assertEquals(Set.of("ipfs/node1/CIQABC"), objectNames("layout"));
      assertArrayEquals(bytes("block bytes"),
          raw.getObjectAsBytes(b -> b.bucket("layout").key("ipfs/node1/CIQABC")).asByteArray());
      // an object kubo + go-ds-s3 wrote is a key here
      raw.putObject(b -> b.bucket("layout").key("ipfs/node1/CIQXYZ"), RequestBody.fromBytes(bytes("from go")));
      assertArrayEquals(bytes("from go"), ds.get(Key.of("/CIQXYZ")));
      assertEquals(7, ds.getSize(Key.of("/CIQXYZ")));
      // a directory marker and objects outside the root are not keys
      raw.putObject(b -> b.bucket("layout").key("ipfs/node1/dir/"), RequestBody.empty());
      raw.putObject(b -> b.bucket("layout").key("other/CIQOUT"), RequestBody.fromBytes(bytes("x")));
      List<String> keys = new ArrayList<>();
      for (Entry e : ds.query(Query.builder().keysOnly(true).build()).rest()) {
        keys.add(e.key());
      }
      assertEquals(Set.of("/CIQABC", "/CIQXYZ"), new TreeSet<>(keys));
      assertFalse(ds.has(Key.of("/CIQOUT")));
    }
  }

  @Test
  void withoutRootDirectoryTheLeadingSlashIsDropped() throws Exception {
    try (S3Datastore ds = S3Datastore.open(minio.config("rootless"))) {
      ds.put(Key.of("/blocks/CIQA"), bytes("a"));
      ds.put(Key.of("/CIQB"), bytes("b"));
      assertEquals(Set.of("blocks/CIQA", "CIQB"), objectNames("rootless"));
    }
  }

  @Test
  void queriesPageThroughListingsAndBatchesDeleteInGroupsOfAThousand() throws Exception {
    int n = S3Datastore.LIST_MAX + S3Datastore.DELETE_MAX / 5; // two pages, two delete groups
    try (S3Datastore ds = S3Datastore.open(minio.config("paging").withRootDirectory("r"))) {
      Batch b = ds.batch();
      for (int i = 0; i < n; i++) {
        b.put(Key.of("/p/" + i), bytes("v" + i));
      }
      b.put(Key.of("/q/outside"), bytes("not under /p"));
      b.commit();
      List<Entry> keysOnly = ds.query(Query.builder().prefix("/p").keysOnly(true).build()).rest();
      assertEquals(n, keysOnly.size());
      for (Entry e : keysOnly) {
        assertEquals(("v" + e.key().substring(3)).length(), e.size(), "listed size of " + e.key());
      }
      List<Entry> withValues = ds.query(Query.builder().prefix("/p").build()).rest();
      assertEquals(n, withValues.size());
      for (Entry e : withValues) {
        assertArrayEquals(bytes("v" + e.key().substring(3)), e.value(), e.key());
      }
      Batch d = ds.batch();
      for (int i = 0; i < n; i++) {
        d.delete(Key.of("/p/" + i));
      }
      d.commit();
      assertEquals(Set.of("r/q/outside"), objectNames("paging"));
    }
  }

  @Test
  void lastOperationPerKeyWinsInABatch() throws Exception {
    try (S3Datastore ds = S3Datastore.open(minio.config("keys"))) {
      ds.put(Key.of("/gone"), bytes("old"));
      Batch b = ds.batch();
      b.put(Key.of("/k"), bytes("first"));
      b.put(Key.of("/k"), bytes("second"));
      b.put(Key.of("/gone"), bytes("again"));
      b.delete(Key.of("/gone"));
      b.commit();
      assertArrayEquals(bytes("second"), ds.get(Key.of("/k")));
      assertFalse(ds.has(Key.of("/gone")));
      ds.delete(Key.of("/k"));
      ds.delete(Key.of("/k")); // absent: still fine
    }
  }

  @Test
  void keysThatCannotBeObjectNamesAreRejectedAndMissingKeysAreCheapNotFound() throws Exception {
    try (S3Datastore ds = S3Datastore.open(minio.config("keys"))) {
      assertThrows(InvalidKeyException.class, () -> ds.put(Key.raw("/a//b"), bytes("x")));
      assertThrows(InvalidKeyException.class, () -> ds.put(Key.ROOT, bytes("x")));
      assertThrows(InvalidKeyException.class, () -> ds.batch().put(Key.raw("/a/./b"), bytes("x")));
      assertThrows(InvalidKeyException.class, () -> ds.get(Key.of("/" + "x".repeat(ObjectNames.MAX_NAME_BYTES + 1))));
      // MinIO's own limit (255 bytes per path element) comes back as an invalid key too
      assertThrows(InvalidKeyException.class, () -> ds.put(Key.of("/" + "y".repeat(300)), bytes("x")));
      assertTrue(NotFoundException.INSTANCE == assertThrows(NotFoundException.class, () -> ds.get(Key.of("/nope"))));
      assertThrows(NotFoundException.class, () -> ds.getSize(Key.of("/nope")));
      assertFalse(ds.has(Key.of("/nope")));
    }
  }

  @Test
  void closedStoreThrowsClosed() throws Exception {
    S3Datastore ds = S3Datastore.open(minio.config("keys"));
    Results r = ds.query(Query.all());
    r.close();
    ds.close();
    ds.close();
    assertThrows(ClosedException.class, () -> ds.get(Key.of("/k")));
    assertThrows(ClosedException.class, () -> ds.batch());
  }
}
