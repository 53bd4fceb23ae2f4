package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from Go's path_test.go (cleantests). */
class GoPathTest {
  @ParameterizedTest(name = "clean({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|.", "abc|abc", "abc/def|abc/def", "a/b/c|a/b/c", ".|.", "..|..", "../..|../..",
        "../../abc|../../abc", "/abc|/abc", "/|/", "abc/|abc", "abc/def/|abc/def", "a/b/c/|a/b/c",
        "./|.", "../|..", "../../|../..", "/abc/|/abc", "abc//def//ghi|abc/def/ghi", "//abc|/abc",
        "///abc|/abc", "//abc//|/abc", "abc//|abc", "abc/./def|abc/def", "/./abc/def|/abc/def",
        "abc/.|abc", "abc/def/ghi/../jkl|abc/def/jkl", "abc/def/../ghi/../jkl|abc/jkl",
        "abc/def/..|abc", "abc/def/../..|.", "/abc/def/../..|/", "abc/def/../../..|..",
        "/abc/def/../../..|/", "abc/def/../../../ghi/jkl/../../../mno|../../mno",
        "abc/./../def|def", "abc//./../def|def", "abc/../../././../def|../../def",
        "/./|/", "/.././/|/", "/prefix/../|/", "/...|/...", "/a/./b/../c|/a/c"
      })
  void clean(String in, String out) {
    assertEquals(out, GoPath.clean(in));
  }
}
