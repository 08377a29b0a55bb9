package org.stockroom.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends queued emails through Spring Mail ({@code spring.mail.*}). */
@Component
class Mailer {

    private final JavaMailSender sender;

    Mailer(ObjectProvider<JavaMailSender> sender, AlertEmailProperties email) {
        this.sender = sender.getIfAvailable();
        if (email.enabled() && this.sender == null) {
            throw new IllegalStateException(
                    "stockroom.alerts.email.to is set but no SMTP server is: set spring.mail.host");
        }
    }

    /** Sends the email; the notification id goes in a header so duplicates of a retried send can be recognised. */
    void send(String notificationId, Messages.Email email) {
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(email.from());
            helper.setTo(email.to().toArray(String[]::new));
            helper.setSubject(email.subject());
            helper.setText(email.text());
            message.setHeader("X-Stockroom-Notification-Id", notificationId);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the email " + notificationId + ": " + e.getMessage(), e);
        }
        sender.send(message);
    }

    boolean configured() {
        return sender != null;
    }

    /** Sends one email with one attachment, now (no outbox): the caller learns at once whether the server took it. */
    void sendWithAttachment(
            String from, String to, String subject, String text, String fileName, byte[] content, String type) {
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            helper.addAttachment(fileName, new ByteArrayResource(content), type);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the email " + subject + ": " + e.getMessage(), e);
        }
        sender.send(message);
    }
}
