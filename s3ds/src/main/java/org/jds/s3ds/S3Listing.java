package org.jds.s3ds;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.jds.datastore.ClosedException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.ResultIterator;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The raw results of a query: the objects under a prefix, one ListObjectsV2 page at a time. For a
 * query with values, each listed key's GET runs on the store's workers up to {@code ahead} keys
 * before the consumer, so memory stays bounded and a slow consumer holds at most that many values.
 * A key deleted between its listing and its GET is left out, as it would be had the listing come a
 * moment later. Ends after the first error result. Single consumer.
 */
final class S3Listing implements ResultIterator {
  /** The most values fetched ahead of the consumer. */
  static final int MAX_AHEAD = 16;

  private record Pending(String key, long size, Future<byte[]> value) {}

  private final S3Datastore store;
  private final ObjectNames names;
  private final String prefix;
  private final boolean keysOnly;
  private final int ahead;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private Iterator<S3Object> page;
  private String token;
  private boolean lastPage;
  private boolean done;

  S3Listing(S3Datastore store, ObjectNames names, String prefix, boolean keysOnly, int ahead) {
    this.store = store;
    this.names = names;
    this.prefix = prefix;
    this.keysOnly = keysOnly;
    this.ahead = Math.max(1, ahead);
  }

  @Override
  public Result next() {
    if (done) {
      return null;
    }
    try {
      if (keysOnly) {
        Pending p = nextListed(false);
        if (p == null) {
          done = true;
          return null;
        }
        return Result.of(new Entry(p.key, null, (int) Math.min(p.size, Integer.MAX_VALUE), null));
      }
      while (true) {
        while (pending.size() < ahead) {
          Pending p = nextListed(true);
          if (p == null) {
            break;
          }
          pending.add(p);
        }
        Pending p = pending.poll();
        if (p == null) {
          done = true;
          return null;
        }
        byte[] value = await(p);
        if (value != null) {
          return Result.of(new Entry(p.key, value));
        }
      }
    } catch (DatastoreException e) {
      close();
      return Result.error(e);
    }
  }

  /** The next listed key of ours, its GET started when {@code fetch}; null at the end. */
  private Pending nextListed(boolean fetch) throws DatastoreException {
    while (true) {
      if (page != null && page.hasNext()) {
        S3Object o = page.next();
        String key = names.keyOf(o.key());
        if (key == null) {
          continue; // a directory marker or a name outside the layout: not a datastore key
        }
        long size = o.size() == null ? -1 : o.size();
        if (!fetch) {
          return new Pending(key, size, null);
        }
        Key k = Key.raw(key);
        try {
          return new Pending(key, size, store.workers().submit(() -> store.get(k)));
        } catch (RejectedExecutionException e) {
          throw new ClosedException();
        }
      }
      if (lastPage) {
        return null;
      }
      ListObjectsV2Response r = store.listPage(prefix, token, S3Datastore.LIST_MAX);
      page = r.contents().iterator();
      token = r.nextContinuationToken();
      lastPage = !Boolean.TRUE.equals(r.isTruncated()) || token == null;
    }
  }

  /** The fetched value, or null if the key was deleted since it was listed. */
  private static byte[] await(Pending p) throws DatastoreException {
    try {
      return p.value.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DatastoreException d) {
        if (d.isNotFound()) {
          return null;
        }
        throw d;
      }
      throw new DatastoreIOException("s3ds: get " + p.key + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatastoreIOException("s3ds: query interrupted while fetching " + p.key, e);
    } catch (CancellationException e) {
      throw new ClosedException();
    }
  }

  @Override
  public void close() {
    done = true;
    for (Pending p : pending) {
      p.value.cancel(true);
    }
    pending.clear();
  }
}
