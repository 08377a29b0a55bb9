package org.stockroom.channels;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's one-legged OAuth 1.0a signature the way WooCommerce's REST authentication
 * does: every query parameter but the signature, keys and values percent-encoded (RFC 3986),
 * sorted, joined, and signed with HMAC-SHA256 keyed by the consumer secret and "&".
 */
final class OAuthCheck {

    private OAuthCheck() {}

    static boolean valid(LoggedRequest request, String consumerSecret) {
        String url = request.getAbsoluteUrl();
        int q = url.indexOf('?');
        Map<String, String> params = new TreeMap<>();
        String signature = null;
        for (String pair : url.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            if (key.equals("oauth_signature")) {
                signature = value;
            } else {
                params.put(rawurlencode(key), rawurlencode(value));
            }
        }
        if (signature == null
                || !"HMAC-SHA256"
                        .equals(URLDecoder.decode(
                                params.getOrDefault("oauth_signature_method", ""), StandardCharsets.UTF_8))) {
            return false;
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(v));
        String base = request.getMethod().getName() + "&" + rawurlencode(url.substring(0, q)) + "&"
                + rawurlencode(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)))
                    .equals(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rawurlencode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }
}
