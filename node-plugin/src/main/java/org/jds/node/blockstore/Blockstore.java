package org.jds.node.blockstore;

import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Query;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;

/**
 * Kubo's blockstore (boxo {@code blockstore} + {@code idstore}, node.md §2.5) over any
 * {@link Batching} datastore. A block lives under {@code /blocks/} + upper-case unpadded base32 of its
 * multihash ({@link DsKeys}), so a datastore kubo wrote reads here and the reverse; mounted like
 * kubo's, the {@code /blocks} mount strips the namespace and flatfs sees {@code /CIQ...}. Lookups
 * ignore the codec and the CID version; identity CIDs are answered from the CID and never stored.
 *
 * <p>Options ({@link Builder}): verification of puts (on by default; off only for trusted bulk
 * imports), kubo's {@code HashOnRead}, kubo's {@code BlockKeyCacheSize} (an LRU of has/size answers;
 * filled by has/getSize and put, consulted by get; it assumes this instance is the only writer of the
 * datastore's blocks), and the namespace.
 *
 * <p>Every method throws only {@link DatastoreException}s: {@link NotFoundException#INSTANCE} for an
 * absent block, {@link HashMismatchException} for bytes that do not match their CID,
 * {@link InvalidKeyException} for a block whose hash function cannot be computed here (so it cannot
 * be verified). Durability is the datastore's; the blockstore does not own or close the datastore.
 * Thread-safe if the datastore is; with the key cache,
 * operations on one multihash are serialized so the cache never contradicts the store.
 */
public final class Blockstore {
  /** boxo's {@code BlockPrefix}. */
  public static final Key BLOCK_PREFIX = Key.of("/blocks");
  /** Kubo's effective {@code BlockKeyCacheSize} default. */
  public static final int DEFAULT_KEY_CACHE_SIZE = 64 << 10;
  private static final int LOCK_STRIPES = 64;

  private final Batching ds;
  private final String prefix; // "/blocks/" or "/"
  private final boolean verifyPuts;
  private final boolean hashOnRead;
  private final KeyCache cache;
  private final Object[] locks;

  private Blockstore(Builder b) {
    this.ds = b.ds;
    this.prefix = b.prefix ? BLOCK_PREFIX + "/" : "/";
    this.verifyPuts = b.verifyPuts;
    this.hashOnRead = b.hashOnRead;
    this.cache = b.keyCacheSize > 0 ? new KeyCache(b.keyCacheSize) : null;
    this.locks = new Object[cache == null ? 0 : LOCK_STRIPES];
    for (int i = 0; i < locks.length; i++) locks[i] = new Object();
  }

  /** A builder over {@code ds}: namespace {@code /blocks}, verified puts, no hash-on-read, no cache. */
  public static Builder builder(Batching ds) {
    return new Builder(ds);
  }

  /** The datastore key of a block (the namespace plus {@link DsKeys#name}). */
  public Key key(Cid cid) {
    return Key.of(prefix + DsKeys.name(cid.multihash()));
  }

  /**
   * The block's bytes.
   *
   * @throws NotFoundException absent
   * @throws HashMismatchException with hash-on-read, the stored bytes do not match
   */
  public byte[] get(Cid cid) throws DatastoreException {
    Multihash mh = cid.multihash();
    if (mh.isIdentity()) return mh.digest();
    if (cache != null && cache.get(mh) == KeyCache.ABSENT) throw NotFoundException.INSTANCE;
    byte[] data = ds.get(key(cid));
    if (hashOnRead && !matches(cid, data)) {
      throw new HashMismatchException(cid, "block in storage has different hash than requested: " + cid
          + " (key " + key(cid) + ")");
    }
    return data;
  }

  /** Whether the block is present (identity CIDs always are). */
  public boolean has(Cid cid) throws DatastoreException {
    return sizeOrAbsent(cid) != KeyCache.ABSENT;
  }

  /**
   * The block's size in bytes.
   *
   * @throws NotFoundException absent
   */
  public int getSize(Cid cid) throws DatastoreException {
    int size = sizeOrAbsent(cid);
    if (size == KeyCache.ABSENT) throw NotFoundException.INSTANCE;
    return size;
  }

  private int sizeOrAbsent(Cid cid) throws DatastoreException {
    Multihash mh = cid.multihash();
    if (mh.isIdentity()) return mh.digestLength();
    if (cache == null) return lookUpSize(cid);
    int cached = cache.get(mh);
    if (cached != KeyCache.UNKNOWN) return cached;
    synchronized (lock(mh)) {
      int size = lookUpSize(cid);
      cache.put(mh, size);
      return size;
    }
  }

  private int lookUpSize(Cid cid) throws DatastoreException {
    try {
      return ds.getSize(key(cid));
    } catch (DatastoreException e) {
      if (e.isNotFound()) return KeyCache.ABSENT;
      throw e;
    }
  }

  /**
   * Stores a block (replacing any block with the same multihash, which has the same bytes). Identity
   * CIDs are not stored.
   *
   * @throws HashMismatchException verification is on and the bytes do not hash to the CID
   * @throws InvalidKeyException verification is on and the CID's hash function is not supported
   */
  public void put(Cid cid, byte[] data) throws DatastoreException {
    verify(cid, data);
    Multihash mh = cid.multihash();
    if (mh.isIdentity()) return;
    if (cache == null) {
      ds.put(key(cid), data);
      return;
    }
    synchronized (lock(mh)) {
      try {
        ds.put(key(cid), data);
      } finally {
        cache.remove(mh); // on failure the store's state is unknown
      }
      cache.put(mh, data.length);
    }
  }

  /**
   * Stores blocks in one datastore batch. Every block is verified (if on) before anything is written,
   * so a bad block writes nothing. Atomicity is the batch's.
   */
  public void putMany(List<Block> blocks) throws DatastoreException {
    for (Block b : blocks) verify(b.cid(), b.data());
    Batch batch = ds.batch();
    for (Block b : blocks) {
      if (!b.cid().multihash().isIdentity()) batch.put(key(b.cid()), b.data());
    }
    try {
      batch.commit();
    } finally {
      if (cache != null) {
        for (Block b : blocks) {
          Multihash mh = b.cid().multihash();
          synchronized (lock(mh)) { // after the commit, so a concurrent lookup cannot re-cache "absent"
            cache.remove(mh);
          }
        }
      }
    }
  }

  /** Deletes the block; deleting an absent block (or an identity CID) succeeds, as in go-datastore. */
  public void delete(Cid cid) throws DatastoreException {
    Multihash mh = cid.multihash();
    if (mh.isIdentity()) return;
    if (cache == null) {
      ds.delete(key(cid));
      return;
    }
    synchronized (lock(mh)) {
      try {
        ds.delete(key(cid));
      } finally {
        cache.remove(mh);
      }
    }
  }

  /**
   * Every stored block as a CIDv1 raw, lazily (a keys-only query of the namespace; order is the
   * datastore's). Keys that do not decode are listed as bad, not skipped.
   */
  public BlockListing keys() throws DatastoreException {
    String queryPrefix = prefix.equals("/") ? "/" : BLOCK_PREFIX.toString();
    return new BlockListing(ds.query(Query.builder().prefix(queryPrefix).keysOnly(true).build()), prefix);
  }

  /** Whether hash-on-read is on. */
  public boolean hashOnRead() {
    return hashOnRead;
  }

  private void verify(Cid cid, byte[] data) throws DatastoreException {
    if (verifyPuts && !matches(cid, data)) {
      throw new HashMismatchException(cid, "block data does not hash to its CID " + cid);
    }
  }

  private static boolean matches(Cid cid, byte[] data) throws InvalidKeyException {
    try {
      return cid.multihash().matches(data);
    } catch (MultiformatException e) {
      throw new InvalidKeyException("cannot verify block " + cid + ": " + e.getMessage());
    }
  }

  private Object lock(Multihash mh) {
    return locks[Math.floorMod(mh.hashCode(), locks.length)];
  }

  /** Options of a {@link Blockstore}. Not thread-safe; build once. */
  public static final class Builder {
    private final Batching ds;
    private boolean prefix = true;
    private boolean verifyPuts = true;
    private boolean hashOnRead;
    private int keyCacheSize;

    private Builder(Batching ds) {
      this.ds = ds;
    }

    /** Keys without the {@code /blocks} namespace (boxo's {@code NoPrefix}), e.g. directly on a flatfs. */
    public Builder noPrefix() {
      this.prefix = false;
      return this;
    }

    /** Whether put checks that the bytes hash to the CID (default true). */
    public Builder verifyPuts(boolean on) {
      this.verifyPuts = on;
      return this;
    }

    /** Kubo's {@code HashOnRead}: get re-hashes and refuses a mismatch (default false). */
    public Builder hashOnRead(boolean on) {
      this.hashOnRead = on;
      return this;
    }

    /** Kubo's {@code BlockKeyCacheSize}: entries of the has/size LRU; 0 turns it off (default 0). */
    public Builder keyCacheSize(int entries) {
      if (entries < 0) throw new IllegalArgumentException("negative key cache size " + entries);
      this.keyCacheSize = entries;
      return this;
    }

    public Blockstore build() {
      return new Blockstore(this);
    }
  }
}
