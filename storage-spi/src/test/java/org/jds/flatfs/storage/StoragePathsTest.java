package org.jds.flatfs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoragePathsTest {
  @ParameterizedTest(name = "isValid({0}) = {1}")
  @CsvSource({
    "'', true", "a, true", "a/b, true", "...data, true", "a/.b, true", "a/..b, true",
    "/, false", "/a, false", "a/, false", "a//b, false", "., false", "a/., false", "./a, false",
    ".., false", "a/../b, false", "a/.., false"
  })
  void isValid(String path, boolean valid) {
    assertEquals(valid, StoragePaths.isValid(path));
  }
}
