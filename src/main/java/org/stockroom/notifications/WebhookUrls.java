package org.stockroom.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs and addresses the server may call. Unless private addresses are allowed, a URL whose
 * host resolves to a loopback, private, link-local, documentation or otherwise local address, or
 * to an address of this machine's own interfaces, is refused, so a webhook cannot be aimed at the
 * server's own network. The check runs at registration, again before every attempt, and once more
 * on the very addresses the sender then connects to ({@link #connectable}), because a name can be
 * pointed elsewhere between any two lookups (DNS rebinding).
 */
@Component
class WebhookUrls {

    /** Looks a host name up; the system's resolver, or a test's. */
    interface Resolver extends OutboundUrls.Resolver {}

    /** A host that resolves to an address webhooks may not reach; the sender connects to nothing. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    WebhookUrls(WebhookProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    WebhookUrls(WebhookProperties properties, Resolver resolver) {
        this.allowPrivate = properties.allowPrivate();
        this.resolver = resolver;
    }

    /**
     * Resolves {@code host} once for the sender to connect to: every address it answers must be
     * allowed, or none is used.
     */
    InetAddress[] connectable(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(OutboundUrls.unbracketed(host));
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (OutboundUrls.local(address)) {
                    throw new RefusedAddressException(host + " resolves to a private, loopback or local address ("
                            + address.getHostAddress() + "); not connecting");
                }
            }
        }
        return addresses;
    }

    /** Why {@code url} may not be called as a webhook, or empty when it may. */
    Optional<String> problem(String url) {
        return OutboundUrls.problem(url, allowPrivate, "stockroom.webhooks.allow-private=true", resolver);
    }

    static boolean local(InetAddress a) {
        return OutboundUrls.local(a);
    }
}
