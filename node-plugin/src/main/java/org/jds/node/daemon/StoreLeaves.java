package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Datastore;
import org.jds.datastore.wrap.InterceptingDatastore;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;

/** The stores at the leaves of a repo's datastore tree (through mounts and wrappers), with their mountpoints. */
public final class StoreLeaves {
  private StoreLeaves() {}

  /** One leaf store and the mountpoint it serves. */
  public record Leaf(String mountpoint, Datastore store) {}

  /** Every leaf of {@code ds}'s tree, in mount order. */
  public static List<Leaf> of(Datastore ds) {
    List<Leaf> out = new ArrayList<>();
    collect("/", ds, out);
    return out;
  }

  private static void collect(String at, Datastore ds, List<Leaf> out) {
    if (ds instanceof MountDatastore m) {
      for (Mount mt : m.mounts()) collect(mt.prefix().toString(), mt.datastore(), out);
    } else if (ds instanceof InterceptingDatastore w) {
      collect(at, w.child(), out);
    } else {
      out.add(new Leaf(at, ds));
    }
  }
}
