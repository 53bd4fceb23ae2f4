package org.jds.node.blockstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Query;
import org.jds.datastore.wrap.Failstore;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.junit.jupiter.api.Test;

class BlockstoreTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Cid raw(String s) throws Exception {
    return Cid.v1(Multicodec.RAW, Multihash.sum(0x12, bytes(s)));
  }

  @Test
  void putGetHasSizeDelete() throws Exception {
    Blockstore bs = Blockstore.builder(new MapDatastore()).build();
    Cid c = raw("hello");
    assertFalse(bs.has(c));
    assertSame(NotFoundException.INSTANCE, assertThrows(NotFoundException.class, () -> bs.get(c)));
    assertThrows(NotFoundException.class, () -> bs.getSize(c));
    bs.put(c, bytes("hello"));
    assertTrue(bs.has(c));
    assertArrayEquals(bytes("hello"), bs.get(c));
    assertEquals(5, bs.getSize(c));
    // the codec and version do not matter for lookups
    Cid asDagPb = Cid.v0(c.multihash());
    assertArrayEquals(bytes("hello"), bs.get(asDagPb));
    bs.delete(asDagPb);
    assertFalse(bs.has(c));
    bs.delete(c); // absent: succeeds
  }

  @Test
  void putVerifiesUnlessTurnedOff() throws Exception {
    MapDatastore ds = new MapDatastore();
    Blockstore bs = Blockstore.builder(ds).build();
    Cid c = raw("hello");
    HashMismatchException e = assertThrows(HashMismatchException.class, () -> bs.put(c, bytes("hellO")));
    assertEquals(c, e.cid());
    assertTrue(e.getMessage().contains(c.toString()), e.getMessage());
    assertFalse(bs.has(c));
    // an unsupported hash function cannot be verified: refused, not stored unchecked
    Cid blake3 = Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.BLAKE3.code(), new byte[32]));
    assertThrows(InvalidKeyException.class, () -> bs.put(blake3, bytes("x")));
    Blockstore trusted = Blockstore.builder(ds).verifyPuts(false).build();
    trusted.put(c, bytes("hellO"));
    trusted.put(blake3, bytes("x"));
    assertTrue(bs.has(c));
    assertTrue(bs.has(blake3));
  }

  @Test
  void hashOnReadReportsCorruptionAndKeepsTheBlock() throws Exception {
    MapDatastore ds = new MapDatastore();
    Cid c = raw("hello");
    Blockstore bs = Blockstore.builder(ds).hashOnRead(true).build();
    bs.put(c, bytes("hello"));
    assertArrayEquals(bytes("hello"), bs.get(c));
    ds.put(bs.key(c), bytes("jello")); // bit rot
    HashMismatchException e = assertThrows(HashMismatchException.class, () -> bs.get(c));
    assertEquals(c, e.cid());
    assertTrue(e.getMessage().contains(c.toString()), e.getMessage());
    assertTrue(bs.has(c), "the corrupt block is reported, not deleted");
    assertArrayEquals(bytes("jello"), Blockstore.builder(ds).build().get(c), "without the check the bytes come back");
  }

  @Test
  void identityCidsNeedNoStorage() throws Exception {
    MapDatastore ds = new MapDatastore();
    Blockstore bs = Blockstore.builder(ds).build();
    Cid probe = Cid.parse("bafkqaaa");
    assertTrue(bs.has(probe));
    assertEquals(0, bs.getSize(probe));
    assertArrayEquals(new byte[0], bs.get(probe));
    Cid abc = Cid.v1(Multicodec.RAW, Multihash.sum(0x00, bytes("abc")));
    bs.put(abc, bytes("abc"));
    assertArrayEquals(bytes("abc"), bs.get(abc));
    assertThrows(HashMismatchException.class, () -> bs.put(abc, bytes("abd")));
    bs.delete(abc);
    assertTrue(bs.has(abc));
    assertEquals(0, ds.query(Query.all()).rest().size(), "nothing stored");
  }

  @Test
  void putManyIsOneBatchAndVerifiesFirst() throws Exception {
    AtomicInteger commits = new AtomicInteger();
    MapDatastore inner = new MapDatastore();
    Failstore ds = new Failstore(inner, op -> {
      if (op.equals("batch-commit")) commits.incrementAndGet();
    });
    Blockstore bs = Blockstore.builder(ds).build();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 20; i++) blocks.add(new Block(raw("b" + i), bytes("b" + i)));
    List<Block> withBad = new ArrayList<>(blocks);
    withBad.add(new Block(raw("x"), bytes("y")));
    assertThrows(HashMismatchException.class, () -> bs.putMany(withBad));
    assertEquals(0, inner.query(Query.all()).rest().size(), "a bad block writes nothing");
    bs.putMany(blocks);
    assertEquals(1, commits.get());
    for (Block b : blocks) assertArrayEquals(b.data(), bs.get(b.cid()));
  }

  @Test
  void keyCacheAnswersRepeatsAndForgetsDeletes() throws Exception {
    Map<String, AtomicInteger> ops = new ConcurrentHashMap<>();
    MapDatastore inner = new MapDatastore();
    Failstore ds = new Failstore(inner, op -> ops.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet());
    Blockstore bs = Blockstore.builder(ds).keyCacheSize(2).build();
    Cid a = raw("a");
    Cid b = raw("b");
    Cid c = raw("c");
    assertFalse(bs.has(a));
    assertFalse(bs.has(a));
    assertThrows(NotFoundException.class, () -> bs.get(a)); // cached absent: no store read
    assertEquals(1, ops.get("getsize").get());
    assertEquals(null, ops.get("get"));
    bs.put(a, bytes("a"));
    assertTrue(bs.has(a));
    assertEquals(1, bs.getSize(a));
    assertEquals(1, ops.get("getsize").get(), "put fills the cache");
    bs.delete(a);
    assertFalse(bs.has(a), "delete invalidates");
    assertEquals(2, ops.get("getsize").get());
    // bounded: a and b and c evict the eldest
    bs.has(a);
    bs.has(b);
    bs.has(c);
    int before = ops.get("getsize").get();
    bs.has(a);
    assertEquals(before + 1, ops.get("getsize").get(), "a was evicted");
    // a change behind the cache's back is not seen (documented: one writer)
    inner.put(bs.key(c), bytes("c"));
    assertFalse(bs.has(c));
  }

  @Test
  void concurrentPutsDeletesAndLookupsKeepTheCacheTrue() throws Exception {
    MapDatastore ds = new MapDatastore();
    Blockstore bs = Blockstore.builder(ds).keyCacheSize(16).build();
    List<Cid> cids = new ArrayList<>();
    for (int i = 0; i < 8; i++) cids.add(raw("k" + i));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        fs.add(pool.submit(() -> {
          java.util.Random r = new java.util.Random(seed);
          for (int i = 0; i < 3000; i++) {
            Cid c = cids.get(r.nextInt(cids.size()));
            int op = r.nextInt(3);
            if (op == 0) bs.put(c, bytes("k" + cids.indexOf(c)));
            else if (op == 1) bs.delete(c);
            else bs.has(c);
          }
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
    Blockstore uncached = Blockstore.builder(ds).build();
    for (Cid c : cids) assertEquals(uncached.has(c), bs.has(c), c.toString());
  }

  @Test
  void noPrefixWorksDirectlyOnABlocksStore() throws Exception {
    MapDatastore ds = new MapDatastore();
    Blockstore bs = Blockstore.builder(ds).noPrefix().build();
    Cid c = raw("hello");
    bs.put(c, bytes("hello"));
    assertTrue(ds.has(Key.of("/CIQCZ4SNXJP3BIYOE3UDWKWFXHRJ4GYWDZOB7J2CLZZQIM3CSOFZQJA")));
    try (BlockListing keys = bs.keys()) {
      assertEquals(c, keys.next().cid());
      assertEquals(null, keys.next());
    }
  }
}
