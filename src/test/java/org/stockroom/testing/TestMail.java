package org.stockroom.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail, on a free port) for every test context, and the settings that
 * point alert email and webhook delivery at test-friendly values: alert mail to
 * {@link #OWNER}, webhooks allowed on loopback, and a retry schedule of milliseconds.
 */
public final class TestMail {

    public static final String OWNER = "owner@shop.test";

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> server().getSmtp().getPort());
        registry.add("stockroom.alerts.email.to", () -> OWNER);
        registry.add("stockroom.webhooks.allow-private", () -> "true");
        registry.add("stockroom.notifications.retry-schedule", () -> "50ms,50ms,50ms,50ms");
        registry.add("stockroom.notifications.poll-interval", () -> "200ms");
    }

    /** Received messages whose subject contains {@code text}. */
    public static List<MimeMessage> withSubjectContaining(String text) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> subject(m).contains(text))
                .toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
