package org.stockroom.notifications;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Emails a document (a purchase order's PDF) to one address through the SMTP server that alert
 * email uses ({@code spring.mail.*}), from the same sender ({@code stockroom.alerts.email.from}).
 * Unlike alerts it is sent at once, not queued: the person sending an order learns whether the
 * server took it.
 */
@Component
public class DocumentMail {

    /** What became of a send: {@code sent}, or why not in {@code error}. */
    public record Outcome(boolean sent, String error) {}

    private final Mailer mailer;
    private final AlertEmailProperties settings;

    DocumentMail(Mailer mailer, AlertEmailProperties settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    public Outcome send(String to, String subject, String text, String fileName, byte[] pdf) {
        if (!mailer.configured()) {
            return new Outcome(false, "no SMTP server is configured (spring.mail.host)");
        }
        try {
            mailer.sendWithAttachment(settings.from(), to, subject, text, fileName, pdf, "application/pdf");
            return new Outcome(true, null);
        } catch (MailException | IllegalStateException e) {
            return new Outcome(false, e.getMessage());
        }
    }
}
