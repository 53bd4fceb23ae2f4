package org.jds.datastore.wrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jds.datastore.Datastore;
import org.jds.datastore.Feature;
import org.jds.datastore.Features;
import org.jds.datastore.Shim;

/**
 * Go's {@code scoped} package: a view of a store that implements exactly a chosen set of its
 * features, for dispatchers that must offer the same features as the store they dispatch to without
 * knowing them statically. Go generates one struct per feature combination; here a dynamic proxy
 * implements {@link Shim} plus the {@code *Datastore} interface of each feature kept, so {@code
 * instanceof Batching} (and {@link Features#forDatastore}) tell exactly what it has.
 *
 * <p>Every call goes to the store unchanged, exceptions included; {@link Shim#children()} returns
 * it. As thread-safe as the store.
 */
public final class Scoped {
  private Scoped() {}

  /**
   * Go's {@code Wrap}: {@code source} scoped down to the features both it and {@code target}
   * implement. Null if either is null, as in Go.
   */
  public static Datastore wrap(Datastore source, Datastore target) {
    if (source == null || target == null) {
      return null;
    }
    return withFeatures(source, Features.forDatastore(target));
  }

  /**
   * Go's {@code WithFeatures}: {@code ds} scoped down to the intersection of its features with
   * {@code features}. The result implements {@link Shim} and the {@code *Datastore} interface of
   * each feature in the intersection, and nothing else.
   */
  public static Datastore withFeatures(Datastore ds, Collection<Feature> features) {
    List<Class<?>> interfaces = new ArrayList<>();
    interfaces.add(Shim.class);
    for (Feature f : Features.all()) {
      if (features.contains(f) && f.isImplementedBy(ds)) {
        interfaces.add(f.datastoreInterface());
      }
    }
    return (Datastore)
        Proxy.newProxyInstance(Scoped.class.getClassLoader(), interfaces.toArray(new Class<?>[0]), new Forward(ds));
  }

  /** Sends every interface call to the store. */
  private record Forward(Datastore ds) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      switch (m.getName()) {
        case "children":
          if (m.getParameterCount() == 0) {
            return List.of(ds);
          }
          break;
        case "equals":
          if (m.getParameterCount() == 1) {
            return proxy == args[0];
          }
          break;
        case "hashCode":
          if (m.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          break;
        case "toString":
          if (m.getParameterCount() == 0) {
            return "scoped(" + ds + ")";
          }
          break;
        default:
          break;
      }
      try {
        return m.invoke(ds, args);
      } catch (InvocationTargetException e) {
        throw e.getCause(); // the store's own exception, checked ones as declared by the interface
      }
    }
  }
}
