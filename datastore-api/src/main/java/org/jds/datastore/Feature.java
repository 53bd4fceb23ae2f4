package org.jds.datastore;

/**
 * Metadata about one optional datastore feature (Go's {@code Feature}). Immutable.
 *
 * @param name Go's feature name ({@link Features#NAME_BATCHING}, ...)
 * @param featureInterface the methods alone (Go's {@code Interface}), e.g. {@link BatchingFeature}
 * @param datastoreInterface the datastore with them (Go's {@code DatastoreInterface}), e.g. {@link
 *     Batching}
 */
public record Feature(String name, Class<?> featureInterface, Class<? extends Datastore> datastoreInterface) {
  /** Whether {@code ds} implements this feature. */
  public boolean isImplementedBy(Datastore ds) {
    return featureInterface.isInstance(ds);
  }
}
