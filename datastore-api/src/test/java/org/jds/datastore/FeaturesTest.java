package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  private static List<String> names(List<Feature> fs) {
    return fs.stream().map(Feature::name).toList();
  }

  @Test
  void featuresAreGosInGosOrder() {
    assertEquals(List.of("Batching", "Checked", "GC", "Persistent", "Scrubbed", "TTL", "Transaction"), names(Features.all()));
    for (Feature f : Features.all()) {
      assertTrue(f.featureInterface().isAssignableFrom(f.datastoreInterface()), f.name());
      assertEquals(f, Features.byName(f.name()).orElseThrow());
    }
    assertFalse(Features.byName("batching").isPresent(), "names are case-sensitive, as in Go");
  }

  @Test
  void featuresForDatastore() {
    assertEquals(List.of("Batching", "TTL", "Transaction"), names(Features.forDatastore(new MapDatastore())));
    assertEquals(
        List.of("Batching", "Checked", "GC", "Persistent", "Scrubbed", "Transaction"),
        names(Features.forDatastore(new NullDatastore())));
    assertEquals(List.of(), Features.forDatastore(null));
  }

  @Test
  void aBareFeatureInterfaceCountsAsInGo() {
    class OnlyFeature extends ForwardingDatastore implements GCFeature {
      @Override
      protected Datastore delegate() {
        return new MapDatastore();
      }

      @Override
      public void collectGarbage() {}
    }
    assertEquals(List.of("GC"), names(Features.forDatastore(new OnlyFeature())));
  }
}
