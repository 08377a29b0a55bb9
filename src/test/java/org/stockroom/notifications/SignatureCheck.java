package org.stockroom.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies a delivery as a receiver following the Standard Webhooks specification would, independently of the signer. */
final class SignatureCheck {

    private SignatureCheck() {}

    static boolean valid(String secret, WebhookReceiver.Request request) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : signatures.split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }
}
