package org.jds.datastore.query;

/** A query filter: keeps an entry when {@link #filter} returns true. */
@FunctionalInterface
public interface Filter {
  boolean filter(Entry e);
}
