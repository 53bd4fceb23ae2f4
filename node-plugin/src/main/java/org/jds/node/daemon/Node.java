package org.jds.node.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.wrap.MeasureDatastore;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.car.CarException;
import org.jds.node.car.CarReader;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagWalker;
import org.jds.node.dag.Links;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multihash;
import org.jds.node.pin.GarbageCollector;
import org.jds.node.pin.GcLock;
import org.jds.node.pin.Pinner;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoException;

/**
 * The node's storage operations as the RPC API and the gateway use them: the blockstore and the pin
 * set over the repo's root datastore (measured, go-ds-measure style, under kubo's prefix), with kubo's
 * GC lock discipline: puts, imports and pin changes hold the shared lock from first write to last
 * pin; {@code block rm} and GC hold the exclusive one. Thread-safe. The repo stays owned by the caller.
 */
public final class Node {
  /** Kubo's measure prefix for the repo datastore. */
  public static final String MEASURE_PREFIX = "ipfs.fsrepo.datastore";

  private final Repo repo;
  private final MeasureDatastore measured;
  private final Blockstore blocks;
  private final Pinner pins;
  private final GcLock lock = new GcLock();
  private final GarbageCollector gc;
  private final AtomicLong gcRuns = new AtomicLong();
  private final AtomicLong gcRemoved = new AtomicLong();
  private final String gcRefusal;

  /**
   * Without a key cache when the repo has a store other nodes may write ({@link SharedStores}).
   *
   * @throws RepoException the repo's root datastore cannot batch
   */
  public Node(Repo repo) throws RepoException {
    this.repo = repo;
    this.measured = new MeasureDatastore(MEASURE_PREFIX, repo.datastore());
    boolean shared = !SharedStores.describe(repo.datastore()).isEmpty();
    this.blocks = Blockstore.builder(measured).hashOnRead(repo.config().hashOnRead())
        .keyCacheSize(shared ? 0 : Math.max(0, repo.config().blockKeyCacheSize())).build();
    this.gcRefusal = SharedStores.gcRefusal(repo.datastore(), repo.config());
    this.pins = new Pinner(measured);
    this.gc = new GarbageCollector(blocks, pins, lock);
  }

  public Repo repo() {
    return repo;
  }

  public Blockstore blocks() {
    return blocks;
  }

  public Pinner pins() {
    return pins;
  }

  public MeasureDatastore measured() {
    return measured;
  }

  /** Completed GC runs since start. */
  public long gcRuns() {
    return gcRuns.get();
  }

  /** Blocks removed by GC since start. */
  public long gcRemoved() {
    return gcRemoved.get();
  }

  /**
   * Stores a block, pinning it recursively if asked (kubo's {@code block put --pin}), under the shared
   * lock. A block to pin must decode (its links are read), or GC could never mark it: then nothing is
   * stored.
   *
   * @throws CodecException {@code pin} and the block does not decode as its codec
   */
  public void put(Cid cid, byte[] data, boolean pin) throws DatastoreException, CodecException {
    if (pin) Links.of(cid, data);
    Lock l = lock.pinLock();
    l.lock();
    try {
      blocks.put(cid, data);
      if (pin) pins.pinRecursive(cid);
    } finally {
      l.unlock();
    }
  }

  /** The outcome of removing one block: kubo's {@code {"Hash","Error"}}; error is null on success. */
  public record Removal(Cid cid, String error) {}

  /**
   * Kubo's {@code RmBlocks}, under the exclusive lock: a pinned block (recursive, direct, or reached
   * from a recursive pin; compared by multihash) is refused; a missing one is an error unless
   * {@code force}.
   */
  public List<Removal> remove(List<Cid> cids, boolean force) throws DatastoreException {
    Lock l = lock.gcLock();
    l.lock();
    try {
      List<Removal> out = new ArrayList<>();
      Map<Multihash, Cid> indirect = null;
      List<Cid> recursive = pins.recursive();
      List<Cid> direct = pins.direct();
      for (Cid c : cids) {
        String reason = directReason(c, recursive, direct);
        if (reason == null) {
          if (indirect == null) indirect = reachable();
          Cid root = indirect.get(c.multihash());
          if (root != null) reason = "pinned via " + root;
        }
        if (reason != null) {
          out.add(new Removal(c, reason));
        } else if (!force && !blocks.has(c)) {
          out.add(new Removal(c, "ipld: could not find " + c));
        } else {
          blocks.delete(c);
          out.add(new Removal(c, null));
        }
      }
      return out;
    } finally {
      l.unlock();
    }
  }

  /**
   * Kubo's pin type of one CID ({@code pin ls ARG}): {@code recursive}, {@code direct},
   * {@code indirect through ROOT}, or null when it is not pinned. Compared by multihash.
   */
  public String pinType(Cid c) throws DatastoreException {
    String reason = directReason(c, pins.recursive(), pins.direct());
    if (reason != null) return reason.substring("pinned: ".length());
    Cid via = reachable().get(c.multihash());
    return via == null ? null : "indirect through " + via;
  }

  private static String directReason(Cid c, List<Cid> recursive, List<Cid> direct) {
    for (Cid r : recursive) if (r.multihash().equals(c.multihash())) return "pinned: recursive";
    for (Cid d : direct) if (d.multihash().equals(c.multihash())) return "pinned: direct";
    return null;
  }

  /** Every block reached from a recursive pin (roots excluded), mapped to the first pin reaching it. */
  private Map<Multihash, Cid> reachable() throws DatastoreException {
    Map<Multihash, Cid> out = new HashMap<>();
    for (Cid root : pins.recursive()) {
      DagWalker w = new DagWalker(blocks, List.of(root));
      try {
        for (Block b = w.next(); b != null; b = w.next()) {
          if (!b.cid().equals(root)) out.putIfAbsent(b.cid().multihash(), root);
        }
      } catch (CodecException e) {
        throw new DatastoreException("could not read the links of " + root + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Pins {@code cids} (kubo's {@code pin add}): recursively, after checking that the whole DAG is
   * stored (offline, a missing block is an error and nothing is pinned), or directly.
   */
  public void pin(List<Cid> cids, boolean recursive) throws DatastoreException, CodecException {
    Lock l = lock.pinLock();
    l.lock();
    try {
      for (Cid c : cids) {
        if (recursive) {
          DagWalker w = new DagWalker(blocks, List.of(c));
          while (w.next() != null) {
            // walking proves every block is present
          }
        } else if (!blocks.has(c)) {
          throw new MissingBlockException(c);
        }
      }
      for (Cid c : cids) {
        if (recursive) pins.pinRecursive(c);
        else pins.pinDirect(c);
      }
    } finally {
      l.unlock();
    }
  }

  /** Removes pins (kubo's {@code pin rm}). */
  public void unpin(List<Cid> cids, boolean recursive) throws DatastoreException {
    Lock l = lock.pinLock();
    l.lock();
    try {
      for (Cid c : cids) pins.unpin(c, recursive);
    } finally {
      l.unlock();
    }
  }

  /** One pin as {@code pin ls} lists it. */
  public record PinEntry(Cid cid, Pinner.Kind kind) {}

  /** Every pin of the kinds asked, kubo's order: recursive, direct, then indirect (each CID once). */
  public List<PinEntry> listPins(boolean recursive, boolean direct, boolean indirect) throws DatastoreException {
    List<PinEntry> out = new ArrayList<>();
    List<Cid> roots = pins.recursive();
    if (recursive) for (Cid c : roots) out.add(new PinEntry(c, Pinner.Kind.RECURSIVE));
    if (direct) for (Cid c : pins.direct()) out.add(new PinEntry(c, Pinner.Kind.DIRECT));
    if (indirect) {
      Set<Cid> rootSet = new HashSet<>(roots);
      DagWalker w = new DagWalker(blocks, roots);
      try {
        for (Block b = w.next(); b != null; b = w.next()) {
          if (!rootSet.contains(b.cid())) out.add(new PinEntry(b.cid(), Pinner.Kind.INDIRECT));
        }
      } catch (CodecException e) {
        throw new DatastoreException("could not read links: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** What {@code dag import} did: the roots, and blocks and bytes read from the CARs. */
  public record ImportResult(List<Cid> roots, List<String> pinErrors, long blockCount, long blockBytes) {}

  /**
   * Imports every block of one CAR (v1 or v2) and pins its roots if asked, all under the shared
   * lock (kubo pins at the end). Blocks are verified against their CIDs.
   *
   * @throws CarException the CAR is malformed (blocks before the fault stay stored, unpinned)
   */
  public ImportResult importCar(InputStream in, boolean pinRoots) throws DatastoreException, IOException, CarException {
    Lock l = lock.pinLock();
    l.lock();
    try (CarReader car = CarReader.open(in)) {
      long count = 0;
      long bytes = 0;
      for (Block b = car.next(); b != null; b = car.next()) {
        blocks.put(b.cid(), b.data());
        count++;
        bytes += b.data().length;
      }
      List<String> pinErrors = new ArrayList<>();
      for (Cid r : car.roots()) pinErrors.add(pinRoots ? pinImported(r) : "");
      return new ImportResult(car.roots(), pinErrors, count, bytes);
    } finally {
      l.unlock();
    }
  }

  /** Pins an imported root if its DAG is complete; the error text kubo reports in PinErrorMsg, or "". */
  private String pinImported(Cid root) throws DatastoreException {
    try {
      DagWalker w = new DagWalker(blocks, List.of(root));
      while (w.next() != null) {
        // walking proves every block is present
      }
    } catch (MissingBlockException e) {
      return "block was not found locally (offline): " + e.getMessage();
    } catch (CodecException e) {
      return e.getMessage();
    }
    pins.pinRecursive(root);
    return "";
  }

  /** Why this node refuses GC ({@link SharedStores}), or null when GC may run. */
  public String gcRefusal() {
    return gcRefusal;
  }

  /**
   * Runs GC (exclusive lock) and counts the run.
   *
   * @throws GcRefusedException the blocks are in a store other nodes may share and the config does not
   *     allow GC there ({@link #gcRefusal()}); nothing was read or deleted
   */
  public GarbageCollector.Result collectGarbage() throws DatastoreException {
    if (gcRefusal != null) throw new GcRefusedException(gcRefusal);
    GarbageCollector.Result r = gc.run();
    gcRuns.incrementAndGet();
    gcRemoved.addAndGet(r.removed().size());
    return r;
  }

  /** Bytes the repo's datastores use on disk (kubo's {@code RepoSize}). */
  public long repoSize() throws DatastoreException {
    return PersistentDatastore.diskUsage(repo.datastore());
  }
}
