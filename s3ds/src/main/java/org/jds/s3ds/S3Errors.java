package org.jds.s3ds;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.InvalidKeyException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's unchecked exceptions into the project's checked ones, with a message that says what
 * went wrong in the user's terms: bad credentials, a missing bucket, an unreachable endpoint, a
 * timeout. Not-found is not handled here: callers check it first and throw the cheap instance.
 */
final class S3Errors {
  private S3Errors() {}

  /** The S3 error code of {@code e}, or "" (a HEAD response has no body, so no code). */
  static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
  }

  /**
   * The checked exception for a failed call.
   *
   * @param op what was being done, e.g. {@code "put /CIQ..."}
   */
  static DatastoreException translate(S3Config c, String op, SdkException e) {
    String where = c.where();
    if (e instanceof AwsServiceException s) {
      String code = code(s);
      int status = s.statusCode();
      String detail = " (" + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status + ")";
      if (code.equals("KeyTooLongError") || code.equals("XMinioInvalidObjectName") || code.equals("InvalidObjectName")) {
        return new InvalidKeyException("s3ds: " + op + ": " + where + " refuses the object name: "
            + s.awsErrorDetails().errorMessage() + detail);
      }
      if (code.equals("NoSuchBucket")) {
        return new DatastoreIOException("s3ds: " + op + ": " + where + " does not exist" + detail, e);
      }
      if (code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")
          || code.equals("InvalidToken") || code.equals("ExpiredToken")) {
        return new DatastoreIOException("s3ds: " + op + ": bad credentials for " + where
            + ": the access key or secret key is wrong" + detail, e);
      }
      if (status == 403) {
        return new DatastoreIOException("s3ds: " + op + ": access denied to " + where
            + " (check the credentials and the bucket policy)" + detail, e);
      }
      return new DatastoreIOException("s3ds: " + op + ": " + where + " answered "
          + (s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage()) + detail, e);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new DatastoreIOException("s3ds: " + op + ": no answer from " + where + " within "
          + c.callTimeout().toMillis() + " ms (" + c.maxAttempts() + " attempts)", e);
    }
    if (e instanceof ApiCallAttemptTimeoutException || has(e, SocketTimeoutException.class)) {
      return new DatastoreIOException("s3ds: " + op + ": " + where + " timed out (attempt timeout "
          + c.attemptTimeout().toMillis() + " ms, " + c.maxAttempts() + " attempts)", e);
    }
    if (e instanceof AbortedException || has(e, InterruptedException.class)) {
      Thread.currentThread().interrupt();
      return new DatastoreIOException("s3ds: " + op + ": interrupted", e);
    }
    if (has(e, ConnectException.class) || has(e, UnknownHostException.class) || has(e, NoRouteToHostException.class)) {
      return new DatastoreIOException("s3ds: " + op + ": cannot reach " + where + " ("
          + c.maxAttempts() + " attempts): " + rootMessage(e), e);
    }
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Unable to load credentials")) {
      return new DatastoreIOException("s3ds: " + op + ": no credentials for " + where + ": set accessKey and"
          + " secretKey in the spec, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an AWS profile", e);
    }
    return new DatastoreIOException("s3ds: " + op + ": " + where + ": " + m, e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
