package org.jds.node.leveldb;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteBatch;
import org.iq80.leveldb.WriteOptions;
import org.iq80.leveldb.impl.Iq80DBFactory;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CloseState;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.ResultIterator;
import org.jds.datastore.query.Results;

/**
 * go-ds-leveldb on an embedded pure-Java LevelDB: the key is the key string's bytes, the value the
 * raw bytes, so a {@code datastore} directory that kubo (goleveldb) wrote opens here, {@code .ldb}
 * tables and Snappy blocks included, and the reverse.
 *
 * <p>Queries seek to the prefix and stream the range lazily; filters, orders, offset and limit are
 * applied on top as go-ds-leveldb does. Writes are not synced (goleveldb's default, as kubo runs
 * it); {@link #sync} is a no-op there too. A batch is one atomic LevelDB write batch.
 *
 * <p>Errors: the library signals I/O trouble and corruption with unchecked exceptions; every call
 * converts them to {@link DatastoreIOException}. Thread-safe (LevelDB is); results have one consumer.
 */
public final class LevelDbDatastore implements Batching, PersistentDatastore {
  private final DB db;
  private final Path dir;
  private final CloseState closed = new CloseState();

  private LevelDbDatastore(DB db, Path dir) {
    this.db = db;
    this.dir = dir;
  }

  /**
   * Opens (creating if missing) the LevelDB in {@code dir}.
   *
   * @param compression the codec for new blocks (existing blocks are read whatever their codec)
   * @throws DatastoreIOException if it cannot be opened (locked by another process, corrupt, ...)
   */
  public static LevelDbDatastore open(Path dir, CompressionType compression) throws DatastoreException {
    Options o = new Options().createIfMissing(true).compressionType(compression);
    try {
      return new LevelDbDatastore(Iq80DBFactory.factory.open(new File(dir.toString()), o), dir);
    } catch (IOException | RuntimeException e) {
      throw new DatastoreIOException("opening leveldb " + dir + ": " + e.getMessage(), e);
    }
  }

  private interface Call<T> {
    T run();
  }

  /** Runs a library call, turning its unchecked errors into checked ones. */
  private <T> T call(String what, Call<T> c) throws DatastoreException {
    closed.check();
    try {
      return c.run();
    } catch (RuntimeException e) {
      throw new DatastoreIOException("leveldb " + what + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static byte[] raw(Key key) {
    return key.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    byte[] v = call("get", () -> db.get(raw(key)));
    if (v == null) {
      throw NotFoundException.INSTANCE;
    }
    return v;
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return call("has", () -> db.get(raw(key))) != null;
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return get(key).length;
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    byte[] v = value == null ? new byte[0] : value;
    call("put", () -> {
      db.put(raw(key), v);
      return null;
    });
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    call("delete", () -> {
      db.delete(raw(key));
      return null;
    });
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    closed.check();
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    String prefix = NaiveQuery.effectivePrefix(q.prefix());
    byte[] start = prefix == null ? null : prefix.getBytes(StandardCharsets.UTF_8);
    DBIterator it = call("query", () -> {
      DBIterator i = db.iterator();
      if (start == null) {
        i.seekToFirst();
      } else {
        i.seek(start);
      }
      return i;
    });
    ResultIterator range = new ResultIterator() {
      private boolean done;

      @Override
      public Result next() {
        if (done) {
          return null;
        }
        try {
          if (!it.hasNext()) {
            close();
            return null;
          }
          Map.Entry<byte[], byte[]> e = it.next();
          byte[] k = e.getKey();
          if (start != null && (k.length < start.length || !Arrays.equals(k, 0, start.length, start, 0, start.length))) {
            close();
            return null;
          }
          byte[] v = e.getValue();
          return Result.of(new Entry(new String(k, StandardCharsets.UTF_8), q.keysOnly() ? null : v,
              v.length, null));
        } catch (RuntimeException ex) {
          close();
          return Result.error(new DatastoreIOException("leveldb query in " + dir + ": " + ex.getMessage(), ex));
        }
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          it.close();
        }
      }
    };
    return NaiveQuery.apply(q, Results.fromIterator(q, range));
  }

  @Override
  public long diskUsage() throws DatastoreException {
    closed.check();
    try (Stream<Path> files = Files.list(dir)) {
      long sum = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        sum += Files.size(f);
      }
      return sum;
    } catch (IOException e) {
      throw new DatastoreIOException("disk usage of " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Batch batch() throws DatastoreException {
    closed.check();
    return new LevelBatch();
  }

  /** Releases the LevelDB (and its LOCK file). Closing twice is harmless. */
  @Override
  public void close() throws DatastoreException {
    if (closed.close()) {
      try {
        db.close();
      } catch (IOException | RuntimeException e) {
        throw new DatastoreIOException("closing leveldb " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /** One LevelDB write batch, applied atomically at commit. Thread-safe (synchronized). */
  private final class LevelBatch implements Batch {
    private final WriteBatch wb = db.createWriteBatch();

    @Override
    public synchronized void put(Key key, byte[] value) throws DatastoreException {
      byte[] v = value == null ? new byte[0] : value;
      call("batch put", () -> wb.put(raw(key), v));
    }

    @Override
    public synchronized void delete(Key key) throws DatastoreException {
      call("batch delete", () -> wb.delete(raw(key)));
    }

    @Override
    public synchronized void commit() throws DatastoreException {
      try {
        call("batch commit", () -> db.write(wb, new WriteOptions()));
      } finally {
        try {
          wb.close();
        } catch (IOException | RuntimeException e) {
          // the batch's buffers only; the write itself already succeeded or failed above
        }
      }
    }
  }
}
