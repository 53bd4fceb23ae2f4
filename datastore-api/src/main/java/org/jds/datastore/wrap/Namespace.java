package org.jds.datastore.wrap;

import org.jds.datastore.Datastore;
import org.jds.datastore.Key;

/** Go's {@code namespace} package: a child store seen through a key prefix. */
public final class Namespace {
  private Namespace() {}

  /** {@code child} with every key living under {@code prefix}. */
  public static KeyTransformDatastore wrap(Datastore child, Key prefix) {
    return new KeyTransformDatastore(child, new PrefixTransform(prefix));
  }
}
