package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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

  /** The already-clean fast path agrees with the full algorithm on every short path of / . a. */
  @Test
  void fastPathAgreesWithTheAlgorithm() {
    char[] alphabet = {'/', '.', 'a'};
    int checked = 0;
    for (int len = 1; len <= 7; len++) {
      int combos = (int) Math.pow(alphabet.length, len);
      for (int c = 0; c < combos; c++) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, x = c; i < len; i++, x /= alphabet.length) {
          sb.append(alphabet[x % alphabet.length]);
        }
        String p = sb.toString();
        assertEquals(GoPath.lexicalClean(p), GoPath.clean(p), p);
        checked++;
      }
    }
    assertEquals(3279, checked);
  }
}
