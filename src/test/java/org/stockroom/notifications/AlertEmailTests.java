package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.TestMail;

class AlertEmailTests extends ApiTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    AlertDigest digest;

    @Test
    void anAlertEmailNamesTheProductItsStockThresholdAndTheReorderQuantity() throws Exception {
        api.post(
                "/api/products",
                "{\"sku\":\"MAIL-1\",\"name\":\"Mouse\",\"price\":5.00,\"stock\":10,\"reorderThreshold\":4,"
                        + "\"reorderQuantity\":25,\"supplier\":\"Acme\"}");
        api.post("/api/purchases", purchase("MAIL-1", 8));

        await().atMost(DEADLINE)
                .until(() -> TestMail.withSubjectContaining("MAIL-1").size() == 1);
        MimeMessage mail = TestMail.withSubjectContaining("MAIL-1").get(0);
        assertThat(TestMail.subject(mail)).isEqualTo("[Stockroom] Low stock: MAIL-1 Mouse (2 left)");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(TestMail.OWNER);
        assertThat(mail.getHeader("X-Stockroom-Notification-Id")[0]).startsWith("msg_");
        assertThat(TestMail.body(mail))
                .contains("Stock:                      2")
                .contains("Reorder threshold:          4")
                .contains("Suggested reorder quantity: 25")
                .contains("Supplier:                   Acme");
    }

    @Test
    void theDailyDigestListsEveryOpenAlertOnceADay() {
        api.post("/api/products", product("DIG-1", "5.00", 2, 3));
        api.post("/api/products", product("DIG-2", "5.00", 0, 3));
        api.post("/api/products", product("DIG-3", "5.00", 9, 3));
        LocalDate day = LocalDate.of(2030, 1, 1);

        assertThat(digest.sendFor(day)).isTrue();
        assertThat(digest.sendFor(day)).as("a second digest the same day").isFalse();

        await().atMost(DEADLINE).until(() -> digests(day).size() == 1);
        String body = TestMail.body(digests(day).get(0));
        assertThat(TestMail.subject(digests(day).get(0))).isEqualTo("[Stockroom] Daily restock digest: 2 open alerts");
        assertThat(body).contains("DIG-1").contains("DIG-2").doesNotContain("DIG-3");
        assertThat(body.lines().filter(l -> l.startsWith("DIG-2")).findFirst().orElseThrow())
                .contains("OUT")
                .contains("6");
    }

    private static List<MimeMessage> digests(LocalDate day) {
        return TestMail.withSubjectContaining("Daily restock digest").stream()
                .filter(m -> TestMail.body(m).contains("Open restock alerts on " + day))
                .toList();
    }
}
