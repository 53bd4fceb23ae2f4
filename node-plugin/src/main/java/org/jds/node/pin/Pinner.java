package org.jds.node.pin;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;

/**
 * The pin set, kept in the repo's root datastore in a simple layout of jds's own (kubo's dspinner
 * keys are not reproduced): {@code /pins/recursive/<CIDv1 base32>} and {@code /pins/direct/<CIDv1
 * base32>}, each holding the pinned CID's binary form as it was given (so a {@code Qm...} pin lists as
 * {@code Qm...}). Indirect pins are not stored; they are whatever a recursive pin reaches.
 *
 * <p>Kubo's rules: a recursive pin replaces a direct one; a direct pin of a recursively pinned CID is
 * refused. Callers serialize pin changes with the GC lock ({@link GcLock}); this class only reads and
 * writes keys. Durability is the datastore's. Thread-safe if the datastore is.
 */
public final class Pinner {
  /** Root of the pin keys. */
  public static final String PREFIX = "/pins";
  static final String RECURSIVE = PREFIX + "/recursive";
  static final String DIRECT = PREFIX + "/direct";

  /** The kinds kubo's {@code pin ls --type} names. */
  public enum Kind {
    RECURSIVE("recursive"),
    DIRECT("direct"),
    INDIRECT("indirect");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Datastore ds;

  public Pinner(Datastore ds) {
    this.ds = ds;
  }

  private static Key key(String root, Cid cid) {
    return Key.of(root + "/" + cid.toV1());
  }

  /** Whether {@code cid} is pinned recursively. */
  public boolean isRecursive(Cid cid) throws DatastoreException {
    return ds.has(key(RECURSIVE, cid));
  }

  /** Whether {@code cid} is pinned directly. */
  public boolean isDirect(Cid cid) throws DatastoreException {
    return ds.has(key(DIRECT, cid));
  }

  /** Pins {@code cid} recursively, replacing a direct pin of it (the caller checked the DAG is complete). */
  public void pinRecursive(Cid cid) throws DatastoreException {
    ds.put(key(RECURSIVE, cid), cid.toBytes());
    ds.delete(key(DIRECT, cid));
  }

  /**
   * Pins {@code cid} directly.
   *
   * @throws PinException it is already pinned recursively (kubo's refusal)
   */
  public void pinDirect(Cid cid) throws DatastoreException, PinException {
    if (isRecursive(cid)) throw new PinException(cid + " already pinned recursively");
    ds.put(key(DIRECT, cid), cid.toBytes());
  }

  /**
   * Removes the pin of {@code cid}, kubo's {@code Unpin}: a recursive pin only if {@code recursive};
   * a direct pin always.
   *
   * @throws PinException not pinned, or pinned recursively and {@code recursive} is false
   */
  public void unpin(Cid cid, boolean recursive) throws DatastoreException, PinException {
    if (isRecursive(cid)) {
      if (!recursive) throw new PinException(cid + " is pinned recursively");
      ds.delete(key(RECURSIVE, cid));
      return;
    }
    if (isDirect(cid)) {
      ds.delete(key(DIRECT, cid));
      return;
    }
    throw new PinException("not pinned or pinned indirectly");
  }

  /** Every recursive pin, in key order. */
  public List<Cid> recursive() throws DatastoreException {
    return list(RECURSIVE);
  }

  /** Every direct pin, in key order. */
  public List<Cid> direct() throws DatastoreException {
    return list(DIRECT);
  }

  private List<Cid> list(String root) throws DatastoreException {
    List<Cid> out = new ArrayList<>();
    try (Results rs = ds.query(Query.builder().prefix(root).build())) {
      for (Result r = rs.next(); r != null; r = rs.next()) {
        if (r.isError()) throw r.error();
        try {
          out.add(Cid.decode(r.entry().value()));
        } catch (MultiformatException e) {
          // A damaged pin must not silently unpin its DAG: GC refuses to run on it.
          throw new PinException("corrupt pin record " + r.entry().key() + ": " + e.getMessage());
        }
      }
    }
    return out;
  }
}
