package org.stockroom.channels;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sales channels as the owner manages them, and the door their webhooks come in by. A delivery
 * is checked against the channel's webhook secret over the raw bytes before anything is parsed,
 * then recorded in the inbox and answered at once; {@link InboxWorker} turns it into stock
 * changes from that durable record.
 */
@Service
public class Channels {

    /** What became of a webhook delivery that passed the signature check. */
    public enum Receipt {
        /** Recorded; it will be processed. */
        RECORDED,
        /** WooCommerce's unsigned ping when a webhook is saved: answered, recorded nowhere. */
        PING,
        /** Signed, but a topic Stockroom does not act on: answered so the platform stops sending it, not recorded. */
        IGNORED
    }

    private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,20}");
    private static final java.util.Set<String> SHOPIFY_TOPICS =
            java.util.Set.of("orders/create", "orders/cancelled", "refunds/create");
    private static final java.util.Set<String> WOO_TOPICS = java.util.Set.of("order.created", "order.updated");

    private final ChannelRepository repository;
    private final SecretBox secrets;
    private final PlatformHttp http;
    private final Signals signals;
    private final JsonMapper json;
    private final Clock clock;

    Channels(
            ChannelRepository repository,
            SecretBox secrets,
            PlatformHttp http,
            Signals signals,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.http = http;
        this.signals = signals;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Connects a storefront. Its secrets are sealed before they reach the database; its catalog is
     * read and every mapped SKU pushed by the first sync, which starts right after.
     */
    @Transactional
    public Channel connect(ConnectRequest request) {
        String field = request.channelType() == ChannelType.SHOPIFY ? "shopDomain" : "siteUrl";
        http.addressProblem(request.baseUrl()).ifPresent(problem -> {
            throw new InvalidRequestException(field, "the URL " + problem);
        });
        String id = Ids.newId(clock);
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("webhookSecret", request.webhookSecret());
        if (request.channelType() == ChannelType.SHOPIFY) {
            plain.put("accessToken", request.accessToken());
        } else {
            plain.put("consumerKey", request.consumerKey());
            plain.put("consumerSecret", request.consumerSecret());
        }
        long now = clock.millis();
        repository.insert(new ChannelRepository.Row(
                id,
                request.channelType(),
                request.name(),
                request.baseUrl(),
                request.locationId(),
                secrets.seal(id, json.writeValueAsString(plain)),
                ChannelStatus.CONNECTED,
                null,
                now,
                now,
                null,
                null));
        repository.log(
                id,
                "CONNECTED",
                null,
                null,
                null,
                "connected " + request.channelType().apiName(),
                now);
        signals.syncs.afterCommit();
        return get(id);
    }

    public List<Channel> list() {
        return repository.list().stream().map(this::view).toList();
    }

    public Channel get(String id) {
        return view(row(id));
    }

    /** Disconnects: its webhooks are refused from now on and nothing more is pushed. History stays. */
    @Transactional
    public void disconnect(String id) {
        ChannelRepository.Row row = row(id);
        if (!repository.changeStatus(id, row.status(), ChannelStatus.DISCONNECTED, "disconnected by the owner")) {
            throw new NotFoundException("unknown-channel", "No channel with id " + id);
        }
        repository.log(id, "DISCONNECTED", null, null, null, "disconnected by the owner", clock.millis());
    }

    /**
     * Asks for a sync now: read the catalog, map SKUs, push every mapped SKU, log drift. A channel
     * marked UNAUTHORIZED is tried again with its credentials (the owner fixed them on the platform).
     */
    @Transactional
    public Channel requestSync(String id) {
        ChannelRepository.Row row = row(id);
        if (row.status() == ChannelStatus.UNAUTHORIZED) {
            repository.changeStatus(id, ChannelStatus.UNAUTHORIZED, ChannelStatus.CONNECTED, null);
        }
        repository.requestSync(id, clock.millis());
        signals.syncs.afterCommit();
        return get(id);
    }

    /** Asks for a sync of every connected channel (the nightly reconciliation, or {@code channels sync --all}). */
    @Transactional
    public int requestSyncOfAll() {
        int n = repository.requestSyncOfAll(clock.millis());
        signals.syncs.afterCommit();
        return n;
    }

    public Page<SyncLogEntry> syncLog(String id, int page, int size) {
        row(id);
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequestException("size", "page must be 0 or more and size 1 to 500");
        }
        return new Page<>(repository.syncLog(id, size, (long) page * size), page, size, repository.countSyncLog(id));
    }

    /** The channel's latest orders, newest first, each with its lines (unmatched ones flagged). */
    public List<ChannelOrder> orders(String id, int limit) {
        Channel channel = get(id);
        List<ChannelRepository.OrderRow> rows = repository.orders(id, limit);
        Map<String, List<ChannelRepository.LineRow>> lines = repository.lines(
                id, rows.stream().map(ChannelRepository.OrderRow::orderId).toList());
        return rows.stream()
                .map(r -> order(channel, r, lines.getOrDefault(r.orderId(), List.of())))
                .toList();
    }

    /** The channel order a purchase was made for, if any: for linking a purchase to the storefront's order. */
    public Optional<ChannelOrder> orderOfPurchase(String purchaseId) {
        return repository.orderOfPurchase(purchaseId).map(r -> {
            Channel channel = view(repository.find(r.channelId()).orElseThrow());
            return order(
                    channel,
                    r,
                    repository.lines(r.channelId(), List.of(r.orderId())).getOrDefault(r.orderId(), List.of()));
        });
    }

    /**
     * A webhook delivery as the platform sent it. The signature is checked over the raw bytes, in
     * constant time, before the body is read; a delivery that fails it changes nothing.
     *
     * @param header the request's headers by name (case-insensitive)
     */
    @Transactional
    public Receipt receive(String channelId, byte[] body, Function<String, String> header) {
        Optional<ChannelRepository.Row> found = repository.find(channelId);
        if (found.isEmpty() || found.get().status() == ChannelStatus.DISCONNECTED) {
            throw new InvalidSignatureException();
        }
        ChannelRepository.Row channel = found.get();
        String topic;
        String signature;
        if (channel.type() == ChannelType.SHOPIFY) {
            topic = header.apply("X-Shopify-Topic");
            signature = header.apply("X-Shopify-Hmac-Sha256");
        } else {
            topic = header.apply("X-WC-Webhook-Topic");
            signature = header.apply("X-WC-Webhook-Signature");
            if (topic == null && signature == null && isPing(body, header.apply("Content-Type"))) {
                return Receipt.PING;
            }
        }
        if (signature == null || !signed(body, signature, webhookSecret(channel))) {
            throw new InvalidSignatureException();
        }
        String normalizedTopic = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
        boolean known = channel.type() == ChannelType.SHOPIFY
                ? SHOPIFY_TOPICS.contains(normalizedTopic)
                : WOO_TOPICS.contains(normalizedTopic);
        String text = utf8(body);
        if (!known || text == null) {
            return Receipt.IGNORED;
        }
        repository.receive(channelId, normalizedTopic, text, clock.millis());
        signals.inbox.afterCommit();
        return Receipt.RECORDED;
    }

    private static boolean isPing(byte[] body, String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && body.length <= 40
                && PING.matcher(new String(body, StandardCharsets.US_ASCII).strip())
                        .matches();
    }

    /** HMAC-SHA256 of the raw body, base64, as both platforms sign; compared in constant time. */
    static boolean signed(byte[] body, String signature, String secret) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // --- for the workers of this package

    ChannelRepository.Row row(String id) {
        return repository
                .find(id)
                .filter(r -> r.status() != ChannelStatus.DISCONNECTED)
                .orElseThrow(() -> new NotFoundException("unknown-channel", "No channel with id " + id));
    }

    Platform.Connection connection(ChannelRepository.Row row) {
        JsonNode opened = json.readTree(secrets.open(row.id(), row.secrets()));
        return new Platform.Connection(
                row.id(),
                row.baseUrl(),
                row.locationId(),
                opened.path("accessToken").asString(null),
                opened.path("consumerKey").asString(null),
                opened.path("consumerSecret").asString(null));
    }

    private String webhookSecret(ChannelRepository.Row row) {
        return json.readTree(secrets.open(row.id(), row.secrets()))
                .path("webhookSecret")
                .asString();
    }

    private Channel view(ChannelRepository.Row r) {
        boolean shopify = r.type() == ChannelType.SHOPIFY;
        return new Channel(
                r.id(),
                r.type().apiName(),
                r.name(),
                r.status(),
                r.statusReason(),
                "/api/channels/" + r.id() + "/webhooks",
                shopify ? r.baseUrl().replaceFirst("^https://", "") : null,
                r.locationId(),
                shopify ? null : r.baseUrl(),
                Instant.ofEpochMilli(r.createdAt()),
                r.lastSyncAt() == null ? null : Instant.ofEpochMilli(r.lastSyncAt()),
                r.lastSyncError(),
                r.syncRequestedAt() != null,
                repository.listedSkus(r.id()),
                repository.pendingPushes(r.id()));
    }

    private static ChannelOrder order(
            Channel channel, ChannelRepository.OrderRow r, List<ChannelRepository.LineRow> lines) {
        return new ChannelOrder(
                r.channelId(),
                r.orderId(),
                r.orderName(),
                r.purchaseId(),
                r.status(),
                r.detail(),
                Instant.ofEpochMilli(r.createdAt()),
                r.cancelledAt() == null ? null : Instant.ofEpochMilli(r.cancelledAt()),
                channel.orderUrl(r.orderId()),
                lines.stream()
                        .map(l -> new ChannelOrder.Line(l.sku(), l.title(), l.quantity(), l.matched()))
                        .toList());
    }
}
