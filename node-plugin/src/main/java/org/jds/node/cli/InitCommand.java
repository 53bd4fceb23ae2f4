package org.jds.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jds.datastore.DatastoreException;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.HumanBytes;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jds init}: a Kubo-shaped repo. The default profile keeps blocks in a sparse blobfs image
 * inside the repo, sized from {@code StorageMax} ({@code --blobfs-size} sets it).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Initialise a repo (config, datastore_spec, version, the datastores).")
final class InitCommand implements Callable<Integer> {
  @Mixin RepoOption repo;
  @Option(names = "--profile", paramLabel = "NAME", defaultValue = Profiles.BLOBFS,
      description = "Datastore profile: blobfs (default), flatfs (Kubo's default), levelds,"
          + " s3 (/blocks in an S3 bucket, go-ds-s3's layout; needs --s3-bucket).")
  String profile;
  @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "Profile s3: the bucket that holds /blocks.")
  String s3Bucket;
  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "Profile s3: an S3-compatible endpoint (MinIO, Ceph RGW, ...); path-style addressing. Default: AWS.")
  String s3Endpoint;
  @Option(names = "--s3-root-directory", paramLabel = "DIR",
      description = "Profile s3: the object-name prefix the blocks live under (go-ds-s3's rootDirectory).")
  String s3RootDirectory;
  @Option(names = "--blobfs-size", paramLabel = "SIZE",
      description = "Datastore.StorageMax, which sizes the blobfs image (Kubo units: 10GB, 64MiB; default 10GB).")
  String blobfsSize;
  @Option(names = "--force", description = "Overwrite the config of an existing repo (its data stays).")
  boolean force;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws DatastoreException, BadInputException {
    Path path = repo.path();
    String storageMax = blobfsSize != null ? blobfsSize : RepoConfig.DEFAULT_STORAGE_MAX;
    if (HumanBytes.parse(storageMax) <= 0) {
      throw new ConfigException("--blobfs-size must be positive: " + storageMax);
    }
    boolean s3 = profile.equals(Profiles.S3);
    if (!s3 && (s3Bucket != null || s3Endpoint != null || s3RootDirectory != null)) {
      throw new BadInputException("--s3-bucket, --s3-endpoint and --s3-root-directory need --profile s3");
    }
    RepoConfig config = RepoConfig.withSpec(
        s3 ? Profiles.s3(s3Bucket, s3Endpoint, s3RootDirectory) : Profiles.spec(profile), storageMax);
    spec.commandLine().getOut().printf("initializing jds repo at %s%n", path);
    Repo.init(path, config, force);
    spec.commandLine().getOut().printf("profile %s, StorageMax %s%n", profile, storageMax);
    return Jds.EXIT_OK;
  }
}
