package org.jds.flatfs.testkit;

/** Picks the {@link StorageFactory} the tests run on. */
public final class StorageFactories {
  /** System property naming a {@link StorageFactory} class; unset means {@link LocalStorageFactory}. */
  public static final String PROPERTY = "jds.flatfs.storageFactory";

  private StorageFactories() {}

  public static StorageFactory current() {
    return byName(System.getProperty(PROPERTY, LocalStorageFactory.class.getName()));
  }

  public static StorageFactory byName(String className) {
    try {
      return (StorageFactory) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot load storage factory " + className, e);
    }
  }
}
