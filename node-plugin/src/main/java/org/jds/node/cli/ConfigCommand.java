package org.jds.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.Callable;
import org.jds.datastore.DatastoreException;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jds config KEY [VALUE]}: Kubo's {@code ipfs config}, reading or setting one dotted key. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Get or set a config value, e.g. 'jds config Datastore.StorageMax 20GB'.")
final class ConfigCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin RepoOption repo;
  @Parameters(index = "0", paramLabel = "KEY") String key;
  @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1") String value;
  @Option(names = "--json", description = "Parse VALUE as JSON.") boolean json;
  @Option(names = "--bool", description = "Set VALUE as a boolean.") boolean bool;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws DatastoreException, BadInputException {
    if (value == null) {
      JsonNode v = Repo.readConfig(repo.path()).get(key);
      if (v == null) {
        spec.commandLine().getErr().printf("jds: config key %s has no value%n", key);
        return Jds.EXIT_NOT_FOUND;
      }
      spec.commandLine().getOut().println(v.isTextual() ? v.textValue() : pretty(v));
      return Jds.EXIT_OK;
    }
    JsonNode v;
    try {
      v = json ? JSON.readTree(value) : bool ? JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value)) : TextNode.valueOf(value);
    } catch (JsonProcessingException e) {
      throw new BadInputException("failed to unmarshal json: " + e.getOriginalMessage());
    }
    Repo.editConfig(repo.path(), cfg -> cfg.set(key, v));
    return Jds.EXIT_OK;
  }

  private static String pretty(JsonNode v) throws BadInputException {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new BadInputException(e.getOriginalMessage());
    }
  }
}
