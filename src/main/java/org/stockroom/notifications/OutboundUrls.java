package org.stockroom.notifications;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs and addresses the server may call on its own initiative (webhooks, sales channels).
 * Unless private addresses are allowed, a URL whose host resolves to a loopback, private,
 * link-local, documentation or otherwise local address, or to an address of this machine's own
 * interfaces, is refused, so the server cannot be aimed at its own network. Callers check at
 * registration and again before every attempt, because a name can be pointed elsewhere later.
 */
public final class OutboundUrls {

    /** Looks a host name up; the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private OutboundUrls() {}

    /** {@link #problem(String, boolean, String, Resolver)} with the system's resolver. */
    public static Optional<String> problem(String url, boolean allowPrivate, String override) {
        return problem(url, allowPrivate, override, InetAddress::getAllByName);
    }

    /**
     * Why {@code url} may not be called, or empty when it may; {@code override} names the setting
     * that allows private addresses, for the message; {@code resolver} looks the host up.
     */
    public static Optional<String> problem(String url, boolean allowPrivate, String override, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(unbracketed(uri.getHost()));
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (local(address)) {
                return Optional.of("resolves to a private, loopback, link-local or local address ("
                        + address.getHostAddress()
                        + "); set " + override + " to allow it");
            }
        }
        return Optional.empty();
    }

    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A loopback, private, link-local, documentation or otherwise local address, or one of this machine. */
    public static boolean local(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()
                || reserved(a.getAddress())) {
            return true;
        }
        return ownInterfaceAddress(a);
    }

    private static boolean reserved(byte[] b) {
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            // 100.64/10 carrier-grade NAT, 0/8 "this network", 198.18/15 benchmarking, 240/4 reserved,
            // and the documentation ranges 192.0.2/24, 198.51.100/24, 203.0.113/24 (RFC 5737), which
            // a misconfigured or hostile network may still route somewhere inside.
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240
                    || (first == 192 && second == 0 && third == 2)
                    || (first == 198 && second == 51 && third == 100)
                    || (first == 203 && second == 0 && third == 113);
        }
        // fc00::/7 unique local addresses (Java's isSiteLocalAddress knows only the old fec0::/10),
        // and 2001:db8::/32 for documentation (RFC 3849).
        return (b[0] & 0xfe) == 0xfc
                || ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
    }

    /**
     * An address of this machine itself, such as its public address: a request to it reaches
     * services that listen on every interface but trust only the machine. Asked each time, as
     * interfaces come and go.
     */
    private static boolean ownInterfaceAddress(InetAddress a) {
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                Enumeration<InetAddress> own = interfaces.nextElement().getInetAddresses();
                while (own.hasMoreElements()) {
                    if (Arrays.equals(own.nextElement().getAddress(), a.getAddress())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SocketException e) {
            // Not knowing the machine's own addresses, refuse rather than risk calling it.
            return true;
        }
    }
}
