package org.jds.node.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kubo's {@code fsrepo.DiskSpec}: the characteristic subset of a spec, whose {@link #toString()}
 * (Go's compact JSON, keys sorted) is what {@code datastore_spec} holds. Immutable: the builders
 * return copies.
 */
public final class DiskSpec {
  private final ObjectNode node;

  private DiskSpec(ObjectNode node) {
    this.node = node;
  }

  /** An empty spec (a mount writes one for a child without a disk spec, then adds its mountpoint). */
  public static DiskSpec empty() {
    return new DiskSpec(JsonNodeFactory.instance.objectNode());
  }

  /** {@code {"type": type}} plus the given string fields, in pairs. */
  public static DiskSpec of(String type, String... fields) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("type", type);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      n.put(fields[i], fields[i + 1]);
    }
    return new DiskSpec(n);
  }

  /** This spec with {@code name} set to {@code value}. */
  public DiskSpec with(String name, JsonNode value) {
    ObjectNode n = node.deepCopy();
    n.set(name, value);
    return new DiskSpec(n);
  }

  /** This spec with the string field {@code name} set. */
  public DiskSpec with(String name, String value) {
    return with(name, JsonNodeFactory.instance.textNode(value));
  }

  /** A copy of the JSON tree. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  /** Kubo's {@code DiskSpec.String()}: the exact bytes of {@code datastore_spec}. */
  @Override
  public String toString() {
    return GoJson.marshal(node);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiskSpec d && d.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
