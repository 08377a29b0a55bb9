package org.stockroom.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the server may call on its own initiative (webhooks, sales channels). Unless private
 * addresses are allowed, a URL whose host resolves to a loopback, private, link-local or otherwise
 * local address is refused, so the server cannot be aimed at its own network. Callers check at
 * registration and again before every attempt, because a name can be pointed elsewhere later.
 */
public final class OutboundUrls {

    private OutboundUrls() {}

    /**
     * Why {@code url} may not be called, or empty when it may; {@code override} names the setting
     * that allows private addresses, for the message.
     */
    public static Optional<String> problem(String url, boolean allowPrivate, String override) {
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
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (local(address)) {
                return Optional.of("resolves to a private, loopback or link-local address (" + address.getHostAddress()
                        + "); set " + override + " to allow it");
            }
        }
        return Optional.empty();
    }

    private static boolean local(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64/10 carrier-grade NAT, 0/8 "this network", 198.18/15 benchmarking, 240/4 reserved.
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        // fc00::/7 unique local addresses (Java's isSiteLocalAddress knows only the old fec0::/10).
        return (b[0] & 0xfe) == 0xfc;
    }
}
