package org.jds.flatfs;

import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.query.GoQuote;

/** flatfs key rules: one component of {@code 0-9 A-Z + - _ =} (Go's {@code keyIsValid}). */
public final class Keys {
  private Keys() {}

  public static boolean isValid(Key key) {
    if (key == null) {
      return false;
    }
    String ks = key.toString();
    if (ks.length() < 2 || ks.charAt(0) != '/') {
      return false;
    }
    for (int i = 1; i < ks.length(); i++) {
      char c = ks.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '_' || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The key without its leading slash: the file name stem and the shard function's input. */
  static String noSlash(Key key) {
    return key.toString().substring(1);
  }

  /**
   * What a put (direct or batched) checks first, and the bytes it stores: a private copy of {@code
   * value}, empty for null (Go writes an empty file for a nil value).
   *
   * @throws InvalidKeyException for an invalid key (Go's text)
   */
  static byte[] checkPut(Key key, byte[] value) throws InvalidKeyException {
    if (!isValid(key)) {
      throw invalidForPut(key);
    }
    return value == null ? new byte[0] : value.clone();
  }

  /** Go's {@code fmt.Errorf("when putting '%q': %v", key, ErrInvalidKey)}, unwrapped. */
  static InvalidKeyException invalidForPut(Key key) {
    if (key == null) {
      return new InvalidKeyException("when putting null key: " + FlatfsException.MSG_INVALID_KEY);
    }
    return new InvalidKeyException("when putting '" + GoQuote.quote(key.toString()) + "': " + FlatfsException.MSG_INVALID_KEY);
  }
}
