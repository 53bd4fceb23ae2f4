package org.jds.node.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jds.node.plugin.ConfigException;

/** The TCP multiaddrs of {@code Addresses.API}/{@code Gateway}: {@code /ip4/A/tcp/P} and {@code /ip6/A/tcp/P}. */
public final class Multiaddr {
  private Multiaddr() {}

  /**
   * The socket address of {@code ma}.
   *
   * @throws ConfigException not an ip4/ip6 TCP multiaddr
   */
  public static InetSocketAddress parse(String ma) throws ConfigException {
    String[] p = ma.split("/");
    if (p.length != 5 || !p[0].isEmpty() || !(p[1].equals("ip4") || p[1].equals("ip6")) || !p[3].equals("tcp")) {
      throw new ConfigException("unsupported address " + ma + " (expected /ip4/ADDR/tcp/PORT or /ip6/ADDR/tcp/PORT)");
    }
    try {
      int port = Integer.parseInt(p[4]);
      if (port < 0 || port > 65535) throw new NumberFormatException("out of range");
      InetAddress a = InetAddress.getByName(p[2]);
      if (p[1].equals("ip4") != (a.getAddress().length == 4)) {
        throw new ConfigException("address " + p[2] + " is not " + p[1] + " in " + ma);
      }
      return new InetSocketAddress(a, port);
    } catch (NumberFormatException e) {
      throw new ConfigException("bad port in " + ma + ": " + e.getMessage(), e);
    } catch (UnknownHostException e) {
      throw new ConfigException("bad address in " + ma + ": " + e.getMessage(), e);
    }
  }

  /** The multiaddr of a bound socket, as kubo prints it. */
  public static String format(InetAddress host, int port) {
    String proto = host.getAddress().length == 4 ? "ip4" : "ip6";
    return "/" + proto + "/" + host.getHostAddress().replaceAll("%.*$", "") + "/tcp/" + port;
  }
}
