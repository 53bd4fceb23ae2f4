package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The rules GoHarness follows when Go is missing, and how it finds the repository. */
class GoHarnessPolicyTest {

  @Test
  void missingGoFailsUnderCiAndSkipsOtherwise() {
    String underCi = GoHarness.missingGoFailure(true);
    assertNotNull(underCi);
    assertTrue(underCi.contains("CI=true"), underCi);
    assertNull(GoHarness.missingGoFailure(false), "outside CI a missing go must skip, not fail");
  }

  @Test
  void findsTheRepositoryAndTheGoModule() {
    assertTrue(Files.isRegularFile(GoHarness.moduleDir().resolve("go/go.mod")));
    assertTrue(Files.isRegularFile(GoHarness.moduleDir().resolve("go/go.sum")));
    assertTrue(Files.isRegularFile(GoHarness.repoRoot().resolve("pom.xml")));
  }
}
