package org.jds.node.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jds.datastore.Bytewise;
import org.jds.flatfs.GoJsonString;

/**
 * Go's {@code json.Marshal} of a {@code map[string]any} tree: compact, object keys sorted by their
 * bytes, and Go's string escaping ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
 * {@code \}{@code uXXXX}). {@code datastore_spec} is compared byte for byte with Kubo's, so the
 * form must be exact. Stateless.
 */
public final class GoJson {
  private GoJson() {}

  /** The compact Go form of {@code node}. */
  public static String marshal(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb);
    return sb.toString();
  }

  private static void write(JsonNode n, StringBuilder sb) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(Bytewise::compare);
      sb.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(names.get(i), sb);
        sb.append(':');
        write(n.get(names.get(i)), sb);
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(n.get(i), sb);
      }
      sb.append(']');
    } else if (n.isTextual()) {
      string(n.textValue(), sb);
    } else {
      sb.append(n.asText()); // numbers and booleans
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append(GoJsonString.quote(s));
  }
}
