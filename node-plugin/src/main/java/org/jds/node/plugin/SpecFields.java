package org.jds.node.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed reads of spec fields with Kubo's error texts ("'path' field is missing or not string"). */
public final class SpecFields {
  private SpecFields() {}

  /** A required string field; {@code what} completes Kubo's message (e.g. "not string"). */
  public static String string(ObjectNode params, String name, String what) throws ConfigException {
    JsonNode v = params.get(name);
    if (v == null || !v.isTextual()) {
      throw new ConfigException("'" + name + "' field is missing or " + what);
    }
    return v.textValue();
  }

  /** An optional field of any type: its value, or null when absent or JSON null. */
  public static JsonNode optional(ObjectNode params, String name) {
    JsonNode v = params.get(name);
    return v == null || v.isNull() ? null : v;
  }

  /** An optional string field, or {@code dflt} when absent or null. */
  public static String optString(ObjectNode params, String name, String dflt) throws ConfigException {
    JsonNode v = optional(params, name);
    if (v == null) {
      return dflt;
    }
    if (!v.isTextual()) {
      throw new ConfigException("'" + name + "' field is not a string");
    }
    return v.textValue();
  }

  /** A required boolean field (Kubo: "'sync' field is missing or not boolean"). */
  public static boolean bool(ObjectNode params, String name) throws ConfigException {
    JsonNode v = params.get(name);
    if (v == null || !v.isBoolean()) {
      throw new ConfigException("'" + name + "' field is missing or not boolean");
    }
    return v.booleanValue();
  }

  /** A required object field (Kubo: "'child' field is missing or not a map"). */
  public static ObjectNode object(ObjectNode params, String name) throws ConfigException {
    JsonNode v = params.get(name);
    if (v == null || !v.isObject()) {
      throw new ConfigException("'" + name + "' field is missing or not a map");
    }
    return (ObjectNode) v;
  }
}
