package org.jds.s3ds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CloseState;
import org.jds.datastore.ClosedException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * A {@link Batching} datastore in an S3 bucket (AWS S3 or any S3-compatible service), with
 * go-ds-s3's layout ({@link ObjectNames}), so kubo with go-ds-s3 and jds can share a bucket.
 *
 * <p>get is one GET; has and getSize one HEAD; put one PUT; delete one DELETE; query lists with
 * ListObjectsV2 pages and fetches values lazily ({@link S3Listing}); a batch runs bounded parallel
 * PUTs and DeleteObjects of up to 1,000 keys ({@link S3Batch}). Every call is bounded by the
 * config's timeouts and retried on throttling, 5xx and I/O errors.
 *
 * <p>Durability: a put returns once S3 acknowledged it, and S3 keeps acknowledged writes, so {@link
 * #sync} has nothing to do. Errors: {@link NotFoundException} (cheap) for a missing key; {@link
 * DatastoreIOException} whose message names the cause (bad credentials, missing bucket, unreachable
 * endpoint, timeout); {@link org.jds.datastore.InvalidKeyException} for a key that cannot be an object
 * name; {@link ClosedException} after close. No unchecked exception escapes. Thread-safe.
 */
public final class S3Datastore implements Batching {
  /** DeleteObjects takes at most this many keys. */
  static final int DELETE_MAX = 1000;
  /** ListObjectsV2 returns at most this many keys per page. */
  static final int LIST_MAX = 1000;

  private final S3Config config;
  private final ObjectNames names;
  private final S3Client s3;
  private final ExecutorService workers;
  private final CloseState state = new CloseState();

  private S3Datastore(S3Config config, S3Client s3) {
    this.config = config;
    this.names = new ObjectNames(config.rootDirectory());
    this.s3 = s3;
    this.workers = Executors.newFixedThreadPool(config.workers(), daemonThreads(config.bucket()));
  }

  /**
   * Connects and checks that the bucket can be listed (one ListObjectsV2 of one key), so bad
   * credentials, a missing bucket or an unreachable endpoint fail here with a clear message.
   *
   * @throws DatastoreException for a bad config, or a {@link DatastoreIOException} naming the cause
   */
  public static S3Datastore open(S3Config config) throws DatastoreException {
    config.validate();
    S3Client s3 = S3Clients.build(config);
    S3Datastore ds = new S3Datastore(config, s3);
    try {
      ds.listPage(ds.names.listPrefix(""), null, 1);
    } catch (DatastoreException e) {
      ds.close();
      throw e;
    }
    return ds;
  }

  public S3Config config() {
    return config;
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    String name = names.name(key);
    state.check();
    try {
      return s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(name)).asByteArrayUnsafe();
    } catch (NoSuchKeyException e) {
      throw NotFoundException.INSTANCE;
    } catch (RuntimeException e) {
      throw failure("get " + key, e);
    }
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    try {
      head(key);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    long n = head(key);
    if (n > Integer.MAX_VALUE) {
      throw new DatastoreIOException("s3ds: object of " + key + " is " + n + " bytes, more than a datastore value can hold");
    }
    return (int) n;
  }

  /** The object's length, from a HEAD. */
  private long head(Key key) throws DatastoreException {
    String name = names.name(key);
    state.check();
    try {
      Long n = s3.headObject(b -> b.bucket(config.bucket()).key(name)).contentLength();
      return n == null ? 0 : n;
    } catch (NoSuchKeyException e) {
      throw NotFoundException.INSTANCE;
    } catch (RuntimeException e) {
      throw failure("head " + key, e);
    }
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    String name = names.name(key);
    state.check();
    putObject(name, value == null ? new byte[0] : value, "put " + key);
  }

  /** One PUT; returns once S3 acknowledged it. */
  void putObject(String name, byte[] value, String op) throws DatastoreException {
    try {
      s3.putObject(b -> b.bucket(config.bucket()).key(name).contentLength((long) value.length)
          .contentType("application/octet-stream"), RequestBody.fromBytes(value));
    } catch (RuntimeException e) {
      throw failure(op, e);
    }
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    String name = names.name(key);
    state.check();
    try {
      s3.deleteObject(b -> b.bucket(config.bucket()).key(name)); // S3 answers 204 for an absent key
    } catch (NoSuchKeyException e) {
      // some S3-compatible services answer 404: deleting an absent key succeeds
    } catch (RuntimeException e) {
      throw failure("delete " + key, e);
    }
  }

  /**
   * One DeleteObjects call for up to {@value #DELETE_MAX} object names.
   *
   * @return the per-key errors S3 reported (absent keys are not errors), empty if all were deleted
   */
  List<S3Error> deleteObjects(List<String> objectNames, String op) throws DatastoreException {
    List<ObjectIdentifier> ids = new ArrayList<>(objectNames.size());
    for (String n : objectNames) {
      ids.add(ObjectIdentifier.builder().key(n).build());
    }
    try {
      DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(config.bucket())
          .delete(Delete.builder().objects(ids).quiet(true).build()));
      List<S3Error> errors = new ArrayList<>();
      for (S3Error e : r.errors()) {
        if (!"NoSuchKey".equals(e.code())) {
          errors.add(e);
        }
      }
      return errors;
    } catch (RuntimeException e) {
      throw failure(op, e);
    }
  }

  /** One ListObjectsV2 page under {@code prefix} (object names), continuing after {@code token}. */
  ListObjectsV2Response listPage(String prefix, String token, int max) throws DatastoreException {
    state.check();
    try {
      return s3.listObjectsV2(ListObjectsV2Request.builder().bucket(config.bucket()).prefix(prefix)
          .continuationToken(token).maxKeys(max).build());
    } catch (RuntimeException e) {
      throw failure("list " + (prefix.isEmpty() ? "/" : prefix), e);
    }
  }

  /**
   * Lists {@code q.prefix()} page by page and applies the rest of the query (filters, orders,
   * offset, limit) as go-datastore's naive query does. Values, unless keys-only, are fetched while
   * the results are consumed, a bounded number ahead.
   */
  @Override
  public Results query(Query q) throws DatastoreException {
    state.check();
    S3Listing listing = new S3Listing(this, names, names.listPrefix(q.prefix()), q.keysOnly(),
        Math.min(config.workers(), S3Listing.MAX_AHEAD));
    return NaiveQuery.apply(q, Results.fromIterator(q, listing));
  }

  /** A batch of last-writer-wins puts and deletes, committed in parallel. Not atomic. */
  @Override
  public Batch batch() throws DatastoreException {
    state.check();
    return new S3Batch(this, names);
  }

  /** Nothing to do: S3 keeps every write it acknowledged. */
  @Override
  public void sync(Key prefix) throws DatastoreException {
    state.check();
  }

  /** Stops the workers and the HTTP client; calls in flight fail. Closing twice is harmless. */
  @Override
  public void close() {
    if (state.close()) {
      workers.shutdownNow();
      s3.close();
    }
  }

  ExecutorService workers() {
    return workers;
  }

  void checkOpen() throws ClosedException {
    state.check();
  }

  /** The checked exception for a failed call: closed, or the translated SDK error. */
  DatastoreException failure(String op, RuntimeException e) {
    if (state.isClosed()) {
      ClosedException c = new ClosedException();
      c.initCause(e);
      return c;
    }
    if (e instanceof SdkException s) {
      return S3Errors.translate(config, op, s);
    }
    return new DatastoreIOException("s3ds: " + op + ": " + config.where() + ": " + e, e);
  }

  private static ThreadFactory daemonThreads(String bucket) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "s3ds-" + bucket + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
