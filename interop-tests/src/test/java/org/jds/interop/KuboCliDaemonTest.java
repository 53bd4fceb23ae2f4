package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jds.node.daemon.Daemon;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.junit.jupiter.api.Test;

/**
 * The real kubo CLI ({@code ipfs --api ADDR ...}) against the Java daemon ({@code jds daemon}, here
 * in-process on a flatfs repo) and against a kubo v0.43.1 daemon ({@code ipfs daemon --offline})
 * holding the same data: one script of block put/get/stat/rm, dag import/export, pin add/ls/rm,
 * repo gc, refs local and repo stat, and every command must give the same exit code, stdout and
 * stderr on both. Only what names the repo differs by nature: {@code repo stat}'s RepoPath and
 * RepoSize (file-system accounting) are left out; listings whose order is the store's (pin ls,
 * refs local, repo gc) are compared sorted.
 */
class KuboCliDaemonTest {
  /** The empty UnixFS directory {@code ipfs init -e} adds, pins and makes the MFS root. */
  private static final String EMPTY_DIR = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn";

  private record Step(List<String> args, UnaryOperator<String> normalize) {}

  private static Step step(String... args) {
    return new Step(List.of(args), s -> s);
  }

  private static Step sorted(String... args) {
    return new Step(List.of(args), s -> s.lines().sorted().map(l -> l + "\n").collect(Collectors.joining()));
  }

  private static String rawCid(long hash, byte[] data) throws Exception {
    return Cid.v1(Multicodec.RAW, Multihash.sum(hash, data)).toString();
  }

  @Test
  void kuboCliGetsTheSameAnswersFromJdsAndKubo() throws Exception {
    KuboAdded k = KuboAdded.shared();
    Path work = k.newDir("cli-");
    byte[] small = "hello from the kubo CLI\n".getBytes(StandardCharsets.UTF_8);
    byte[] mid = ValueGen.gen(1000, 4001);
    byte[] big = ValueGen.gen(300 << 10, 4002);
    byte[] pinned = ValueGen.gen(77, 4003);
    Path f1 = Files.write(work.resolve("small"), small);
    Path f2 = Files.write(work.resolve("mid"), mid);
    Path f3 = Files.write(work.resolve("big"), big);
    Path f4 = Files.write(work.resolve("pinned"), pinned);
    KuboAdded.Added tree = k.added.get(0);
    Path car = Files.write(work.resolve("tree.car"), k.kubo.run("dag", "export", "--offline", tree.root()).ok().stdout());
    Path emptyCar = Files.write(work.resolve("empty.car"), k.kubo.run("dag", "export", "--offline", EMPTY_DIR).ok().stdout());
    String c1 = rawCid(Multicodec.SHA2_256.code(), small);
    String c2 = rawCid(Multicodec.SHA2_512.code(), mid);
    String c3 = rawCid(Multicodec.BLAKE2B_256.code(), big);
    String c4 = rawCid(Multicodec.SHA2_256.code(), pinned);

    List<Step> script = List.of(
        step("block", "put", f1.toString()),
        step("block", "put", "--mhtype", "sha2-512", f2.toString()),
        step("block", "put", "--mhtype", "blake2b-256", f3.toString()),
        step("block", "put", "--pin=true", f4.toString()),
        step("block", "get", c1),
        step("block", "get", c3),
        step("block", "stat", c2),
        step("block", "stat", c3),
        step("dag", "import", "--stats", car.toString()),
        step("dag", "export", tree.root()),
        step("pin", "add", c1),
        step("pin", "add", "--recursive=false", c2),
        sorted("pin", "ls"),
        sorted("pin", "ls", "--type=recursive"),
        sorted("pin", "ls", "--type=direct"),
        step("pin", "rm", c1),
        step("block", "rm", c1),
        step("block", "rm", c1),
        step("block", "rm", tree.root()),
        step("block", "rm", c2),
        sorted("repo", "gc"),
        sorted("refs", "local"),
        new Step(List.of("repo", "stat"), KuboCliDaemonTest::withoutPathAndSize),
        step("pin", "rm", tree.root()),
        sorted("repo", "gc"),
        sorted("refs", "local"),
        sorted("pin", "ls"),
        new Step(List.of("repo", "stat"), KuboCliDaemonTest::withoutPathAndSize),
        step("block", "get", c4));

    Path jdsRepo = k.newDir("jds-daemon-").resolve("repo");
    JdsCli.run("init", "--repo-dir", jdsRepo, "--profile", "flatfs");
    JdsCli.run("config", "--repo-dir", jdsRepo, "Addresses.API", "/ip4/127.0.0.1/tcp/0");
    JdsCli.run("config", "--repo-dir", jdsRepo, "Addresses.Gateway", "/ip4/127.0.0.1/tcp/0");
    Kubo client = Kubo.at(work.resolve("no-repo"));
    List<String> jdsOut;
    try (Daemon jds = Daemon.start(jdsRepo, false, "0.1.0")) {
      // The same starting data as 'ipfs init -e': the empty directory, pinned.
      client.run("--api", jds.apiAddress(), "dag", "import", emptyCar.toString()).ok();
      jdsOut = runScript(client, jds.apiAddress(), script);
    }
    Kubo kubo = Kubo.init(k.newDir("kubo-daemon-").resolve("repo"));
    List<String> kuboOut;
    try (KuboDaemon d = kubo.startDaemon()) {
      kuboOut = runScript(client, d.api(), script);
    }
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < script.size(); i++) {
      if (!kuboOut.get(i).equals(jdsOut.get(i))) {
        differ.add("ipfs " + String.join(" ", script.get(i).args()) + "\n  kubo: " + kuboOut.get(i) + "\n  jds:  " + jdsOut.get(i));
      }
    }
    assertEquals(List.of(), differ, () -> String.join("\n", differ));
    byte[] carBytes = Files.readAllBytes(car);
    assertTrue(kuboOut.get(9).startsWith("exit 0\nsha256 " + Manifest.sha256(carBytes) + " of " + carBytes.length + "\n"),
        "dag export gave the imported CAR back");
    assertTrue(kuboOut.stream().anyMatch(s -> s.startsWith("exit 1")), "the script includes refusals");
  }

  /** Runs each step through the kubo CLI against {@code api}: "exit N", stdout, stderr, normalized. */
  private static List<String> runScript(Kubo client, String api, List<Step> script) {
    List<String> out = new ArrayList<>();
    for (Step s : script) {
      List<String> args = new ArrayList<>(List.of("--api", api));
      args.addAll(s.args());
      GoHarness.Run r = client.run(args.toArray(String[]::new));
      String stdout = r.stdout().length > 4096 ? "sha256 " + Manifest.sha256(r.stdout()) + " of " + r.stdout().length
          : s.normalize().apply(r.out());
      out.add("exit " + r.exit() + "\n" + stdout + "\n--- stderr\n" + r.stderr());
    }
    return out;
  }

  private static String withoutPathAndSize(String stat) {
    return Arrays.stream(stat.split("\n"))
        .filter(l -> !l.startsWith("RepoPath:") && !l.startsWith("RepoSize:"))
        .map(l -> l + "\n").collect(Collectors.joining());
  }
}
