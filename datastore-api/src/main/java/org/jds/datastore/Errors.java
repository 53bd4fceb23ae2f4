package org.jds.datastore;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Go's {@code errors} package for datastore errors: {@code Join}, {@code fmt.Errorf("%w")} ({@link
 * #wrap}) and {@code errors.Is} ({@link #is}, {@link #isNotFound}).
 *
 * <p>A wrapper that rethrows a child's failure as another exception keeps it as the cause, so
 * {@code Errors.isNotFound(e)} (and {@link DatastoreException#isNotFound()}) still recognise a
 * wrapped {@link NotFoundException}, as Go's {@code errors.Is(err, ErrNotFound)} does.
 */
public final class Errors {
  private Errors() {}

  /**
   * Go's {@code errors.Join} result: its message is the joined messages; {@link #errors()} is
   * {@code Unwrap() []error}. The first error is also the cause, the others are suppressed.
   */
  public static final class Joined extends DatastoreException {
    private static final long serialVersionUID = 1L;

    private final List<DatastoreException> errors;

    private Joined(String message, List<DatastoreException> errors) {
      super(message, errors.get(0));
      this.errors = List.copyOf(errors);
    }

    /** The joined errors, in order. */
    public List<DatastoreException> errors() {
      return errors;
    }
  }

  /**
   * Null for no errors; otherwise one exception whose message is the messages joined by newlines
   * (as Go prints a joined error). The first error is the cause, the rest are suppressed.
   */
  public static DatastoreException join(List<DatastoreException> errors) {
    if (errors.isEmpty()) {
      return null;
    }
    String msg = errors.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
    Joined joined = new Joined(msg, errors);
    for (int i = 1; i < errors.size(); i++) {
      joined.addSuppressed(errors.get(i));
    }
    return joined;
  }

  /** Wraps {@code e} with Go's {@code fmt.Errorf("<prefix>%w", e)} message; {@code e} is the cause. */
  public static DatastoreException wrap(String prefix, DatastoreException e) {
    return new DatastoreException(prefix + e.getMessage(), e);
  }

  /**
   * Go's {@code errors.Is} / {@code errors.As} by type: whether {@code t}, a cause of it, or (for a
   * {@link Joined}) one of its joined errors is an instance of {@code type}. Null gives false.
   */
  public static boolean is(Throwable t, Class<? extends Throwable> type) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (t != null) {
      todo.push(t);
    }
    while (!todo.isEmpty()) {
      Throwable x = todo.pop();
      if (!seen.add(x)) {
        continue; // a cause cycle
      }
      if (type.isInstance(x)) {
        return true;
      }
      if (x instanceof Joined j) {
        j.errors().forEach(todo::push);
      } else if (x.getCause() != null) {
        todo.push(x.getCause());
      }
    }
    return false;
  }

  /** Go's {@code IsNotFound}: {@code t} is, wraps or joins a {@link NotFoundException}. */
  public static boolean isNotFound(Throwable t) {
    return is(t, NotFoundException.class);
  }
}
