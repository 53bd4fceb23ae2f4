package org.jds.node.blockstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys identical to kubo's: node.md §2.3/§2.5/§6 worked examples and the kubo v0.43.1 add_layouts transcript. */
class BlockstoreKeysTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final String HELLO_KEY = "CIQCZ4SNXJP3BIYOE3UDWKWFXHRJ4GYWDZOB7J2CLZZQIM3CSOFZQJA";

  @Test
  void workedExamplesOfNodeMd() throws Exception {
    Blockstore bs = Blockstore.builder(new MapDatastore()).build();
    // §6: hello as raw, as dag-cbor and as CIDv0 share one key
    for (String c : List.of("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq",
        "bafyreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq", "QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5")) {
      assertEquals("/blocks/" + HELLO_KEY, bs.key(Cid.parse(c)).toString(), c);
    }
    // §2.3: the empty UnixFS directory of kubo's v16-repo fixture
    assertEquals("/blocks/CIQFTFEEHEDF6KLBT32BFAGLXEZL4UWFNWM4LFTLMXQBCERZ6CMLX3Y",
        bs.key(Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")).toString());
    // §1.2: Nabu's test CID and the key kubo gives it
    assertEquals("/blocks/CIQBVUKWQH2ATUVJ7JCNZ6YGXC5SQP5QLUUAXJU7MIK7KRX7QWVDEEA",
        bs.key(Cid.parse("zb2rhYSxw4ZjuzgCnWSt19Q94ERaeFhu9uSqRgjSdx9bsgM6f")).toString());
    assertEquals("/" + HELLO_KEY, Blockstore.builder(new MapDatastore()).noPrefix().build()
        .key(Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5")).toString());
  }

  @Test
  void blocksMountSeesTheKeyWithoutItsNamespace() throws Exception {
    // kubo: root key /blocks/CIQ..., the /blocks mount strips the mount point, flatfs gets /CIQ...
    MapDatastore blocks = new MapDatastore();
    MapDatastore rest = new MapDatastore();
    MountDatastore root = new MountDatastore(List.of(new Mount(Key.of("/blocks"), blocks), new Mount(Key.of("/"), rest)));
    Blockstore bs = Blockstore.builder(root).build();
    Cid cid = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    bs.put(cid, HELLO);
    assertTrue(blocks.has(Key.of("/" + HELLO_KEY)));
    assertEquals(0, rest.query(Query.all()).rest().size());
    // a block that kubo's stack wrote as dag-pb is found through any CID with its multihash
    assertTrue(bs.has(Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5")));
  }

  /** The whole kubo stack: a flatfs mounted at /blocks writes the file kubo writes (node.md §6's table). */
  @Test
  void flatfsMountWritesKubosFile(@TempDir Path tmp) throws Exception {
    try (LocalStorage st = new LocalStorage(tmp);
        FlatfsDatastore flatfs = FlatfsDatastore.createOrOpen(st, "blocks", ShardId.DEFAULT, false)) {
      MountDatastore root = new MountDatastore(List.of(new Mount(Key.of("/blocks"), flatfs), new Mount(Key.of("/"), new MapDatastore())));
      Blockstore bs = Blockstore.builder(root).build();
      bs.put(Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5"), HELLO);
      bs.put(Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn"), HexFormat.of().parseHex("0a020801"));
    }
    assertArrayEquals(HELLO, Files.readAllBytes(tmp.resolve("blocks/QJ/" + HELLO_KEY + ".data")));
    assertTrue(Files.exists(tmp.resolve("blocks/X3/CIQFTFEEHEDF6KLBT32BFAGLXEZL4UWFNWM4LFTLMXQBCERZ6CMLX3Y.data")));
  }

  /** Every section of add_layouts.txt: the block file names list exactly as kubo's `refs local`. */
  @Test
  void kuboBlockFilesListAsRefsLocal() throws Exception {
    Path f = Path.of(System.getProperty("jds.root", "..")).resolve("../shared/spec/kubo-v0.43.1/add_layouts.txt").normalize();
    List<String> lines = Files.readAllLines(f);
    int sections = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("--- find blocks -type f")) continue;
      MapDatastore ds = new MapDatastore();
      int j = i + 1;
      for (; !lines.get(j).startsWith("---"); j++) {
        String p = lines.get(j);
        if (p.endsWith(".data")) ds.put(Key.of("/blocks/" + p.substring(p.lastIndexOf('/') + 1, p.length() - 5)), new byte[1]);
      }
      assertEquals("--- ipfs refs local", lines.get(j));
      Set<String> refs = new TreeSet<>();
      for (j++; !lines.get(j).startsWith("---"); j++) refs.add(lines.get(j));
      Set<String> listed = new TreeSet<>();
      try (BlockListing keys = Blockstore.builder(ds).build().keys()) {
        for (BlockKey k = keys.next(); k != null; k = keys.next()) {
          assertFalse(k.isBad(), k.toString());
          listed.add(k.cid().toString());
        }
      }
      assertEquals(refs, listed, "section at line " + (i + 1));
      sections++;
    }
    assertTrue(sections >= 2, "sections found: " + sections);
  }

  @Test
  void badKeysAreListedNotDropped() throws Exception {
    MapDatastore ds = new MapDatastore();
    ds.put(Key.of("/blocks/" + HELLO_KEY), HELLO);
    List<String> bad = List.of("/blocks/NOTBASE32!", "/blocks/ciqcz4snxjp3biyoe3udwkwfxhrj4gywdzob7j2clzzqim3csofzqja",
        "/blocks/CIQCZ4SNXJP3BIYOE3UDWKWFXHRJ4GYWDZOB7J2CLZZQIM3CSOFZQJB", "/blocks/AE", "/blocks/x/y");
    for (String k : bad) ds.put(Key.of(k), new byte[0]);
    ds.put(Key.of("/other/" + HELLO_KEY), HELLO); // outside the namespace: not listed
    List<BlockKey> all = new ArrayList<>();
    try (BlockListing keys = Blockstore.builder(ds).build().keys()) {
      for (BlockKey k = keys.next(); k != null; k = keys.next()) all.add(k);
    }
    assertEquals(1 + bad.size(), all.size(), all.toString());
    Set<String> badListed = new TreeSet<>();
    for (BlockKey k : all) {
      if (k.isBad()) {
        badListed.add(k.key());
        assertTrue(k.problem() != null && !k.problem().isEmpty());
      } else {
        assertEquals("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq", k.cid().toString());
      }
    }
    assertEquals(new TreeSet<>(bad), badListed);
  }

  @Test
  void dsKeysRoundTrip() throws Exception {
    Cid cid = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    assertEquals(HELLO_KEY, DsKeys.name(cid.multihash()));
    assertEquals(cid.multihash(), DsKeys.toMultihash(HELLO_KEY));
    assertEquals("1220" + "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        HexFormat.of().formatHex(DsKeys.toMultihash(HELLO_KEY).toBytes()));
  }
}
