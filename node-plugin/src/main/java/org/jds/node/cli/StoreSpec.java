package org.jds.node.cli;

import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.FlatfsDatastore;

/**
 * A {@code --store} argument, {@code KIND:LOCATION}. Only {@code flatfs:DIR} exists so far; new kinds
 * (e.g. {@code blobfs:IMG}) add a constant and a case in {@link #open}.
 */
public record StoreSpec(String kind, String location) {
  public static final String FLATFS = "flatfs";

  /** Parses {@code KIND:LOCATION}. */
  public static StoreSpec parse(String spec) throws BadInputException {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new BadInputException("invalid --store '" + spec + "': expected KIND:LOCATION, e.g. flatfs:DIR");
    }
    String kind = spec.substring(0, colon);
    if (!kind.equals(FLATFS)) {
      throw new BadInputException("unknown store kind '" + kind + "' in --store (known: " + FLATFS + ")");
    }
    return new StoreSpec(kind, spec.substring(colon + 1));
  }

  /** Opens the existing store. */
  public Datastore open(boolean sync) throws BadInputException, DatastoreException {
    LocalDirs dirs = LocalDirs.of(location);
    return FlatfsDatastore.open(dirs.storage(), dirs.paths().get(0), sync);
  }
}
