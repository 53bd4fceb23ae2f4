package org.jds.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.Write;

/**
 * The input of {@code go-harness write}: one line per operation, {@code KEY<TAB>SPEC}, where SPEC
 * is {@code hex:<bytes>} (literal, possibly empty), {@code gen:<len>:<seed>} ({@link ValueGen}) or
 * {@code delete}. The same object drives the Java writer, so both sides store identical bytes.
 */
public final class Manifest {

  /** One operation; value is null for a delete. */
  public record Op(String key, String spec, byte[] value) {
    public boolean isDelete() {
      return value == null;
    }
  }

  private final List<Op> ops = new ArrayList<>();

  public Manifest putHex(String key, byte[] value) {
    ops.add(new Op(key, "hex:" + HexFormat.of().formatHex(value), value.clone()));
    return this;
  }

  public Manifest putGen(String key, int len, long seed) {
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be a non-negative decimal uint64 here");
    }
    ops.add(new Op(key, "gen:" + len + ":" + seed, ValueGen.gen(len, seed)));
    return this;
  }

  public Manifest delete(String key) {
    ops.add(new Op(key, "delete", null));
    return this;
  }

  public List<Op> ops() {
    return List.copyOf(ops);
  }

  public byte[] toBytes() {
    StringBuilder sb = new StringBuilder("# jds interop manifest: KEY<TAB>hex:..|gen:LEN:SEED|delete\n");
    for (Op op : ops) {
      sb.append(op.key).append('\t').append(op.spec).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Java's side of {@code go-harness write}: the operations in order on {@code ds}, one by one or
   * (batch) through one batch and a single commit.
   */
  public void applyTo(Batching ds, boolean batch) throws DatastoreException {
    Write w = batch ? ds.batch() : ds;
    for (Op op : ops) {
      if (op.isDelete()) {
        w.delete(Key.raw(op.key));
      } else {
        w.put(Key.raw(op.key), op.value);
      }
    }
    if (w instanceof Batch b) {
      b.commit();
    }
  }

  /** The final state after applying the operations in order (sequential semantics). */
  public Map<String, byte[]> expected() {
    Map<String, byte[]> m = new TreeMap<>();
    for (Op op : ops) {
      if (op.isDelete()) {
        m.remove(op.key);
      } else {
        m.put(op.key, op.value);
      }
    }
    return m;
  }

  /** The listing {@code go-harness read} must print for {@link #expected()}. */
  public String expectedListing() {
    return listing(expected());
  }

  /** Formats KEY<TAB>SIZE<TAB>SHA256 lines, sorted by key (bytewise; keys are ASCII). */
  public static String listing(Map<String, byte[]> entries) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
      sb.append(e.getKey()).append('\t').append(e.getValue().length).append('\t')
          .append(sha256(e.getValue())).append('\n');
    }
    return sb.toString();
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public int size() {
    return ops.size();
  }
}
