package org.jds.datastore.wrap;

import org.jds.datastore.InvalidKeyException;

/**
 * Go's {@code mount.ErrNoMount} ({@code no datastore mounted for this key}) with a stable identity:
 * {@link MountDatastore} throws the shared, stackless {@link #INSTANCE} when a put's key lies below
 * no mount. An {@link InvalidKeyException}: the key is one this store cannot hold. Test for it with
 * {@code Errors.is(e, NoMountException.class)} (Go's {@code errors.Is(err, mount.ErrNoMount)}).
 */
public final class NoMountException extends InvalidKeyException {
  private static final long serialVersionUID = 1L;

  /** The shared instance {@link MountDatastore} throws. */
  public static final NoMountException INSTANCE = new NoMountException();

  private NoMountException() {
    super(MountDatastore.NO_MOUNT, false);
  }
}
