package org.jds.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go's feature registry ({@code Features}, {@code FeatureByName}, {@code FeaturesForDatastore} and
 * the {@code FeatureName*} constants). A feature is implemented by a store whose class implements
 * the feature's interface; in Java that is the {@code *Datastore} interface (a class implementing
 * {@link BatchingFeature} but not {@link Batching} also counts, as in Go). Stateless and
 * thread-safe.
 */
public final class Features {
  private Features() {}

  public static final String NAME_BATCHING = "Batching";
  public static final String NAME_CHECKED = "Checked";
  public static final String NAME_GC = "GC";
  public static final String NAME_PERSISTENT = "Persistent";
  public static final String NAME_SCRUBBED = "Scrubbed";
  public static final String NAME_TTL = "TTL";
  public static final String NAME_TRANSACTION = "Transaction";

  /** Every known feature in Go's canonical order (the order {@code scoped} numbers them in). */
  private static final List<Feature> ALL =
      List.of(
          new Feature(NAME_BATCHING, BatchingFeature.class, Batching.class),
          new Feature(NAME_CHECKED, CheckedFeature.class, CheckedDatastore.class),
          new Feature(NAME_GC, GCFeature.class, GCDatastore.class),
          new Feature(NAME_PERSISTENT, PersistentFeature.class, PersistentDatastore.class),
          new Feature(NAME_SCRUBBED, ScrubbedFeature.class, ScrubbedDatastore.class),
          new Feature(NAME_TTL, TTL.class, TTLDatastore.class),
          new Feature(NAME_TRANSACTION, TxnFeature.class, TxnDatastore.class));

  /** Go's {@code Features()}: all known features, in canonical order (immutable). */
  public static List<Feature> all() {
    return ALL;
  }

  /** Go's {@code FeatureByName}: the feature called {@code name}, if known. */
  public static Optional<Feature> byName(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Go's {@code FeaturesForDatastore}: the features {@code ds} implements, in canonical order; empty for null. */
  public static List<Feature> forDatastore(Datastore ds) {
    List<Feature> out = new ArrayList<>();
    if (ds != null) {
      for (Feature f : ALL) {
        if (f.isImplementedBy(ds)) {
          out.add(f);
        }
      }
    }
    return List.copyOf(out);
  }
}
