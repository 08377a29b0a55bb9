package org.stockroom.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.stockroom.support.StockroomProperties;

/**
 * Seals channel secrets with AES-GCM before they reach the database: a fresh 96-bit nonce per
 * value, stored in front of the ciphertext, and the channel id as associated data, so a sealed
 * value copied onto another channel's row does not open. The key never enters the database.
 */
@Component
class SecretBox {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(ChannelProperties properties, StockroomProperties store) {
        this.key = new SecretKeySpec(keyBytes(properties.secretKey(), store.dataDir()), "AES");
    }

    String seal(String channelId, String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(channelId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a channel secret", e);
        }
    }

    String open(String channelId, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Channel " + channelId + " holds secrets in an unknown format");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(channelId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately without the value: the message may be logged.
            throw new IllegalStateException("The secrets of channel " + channelId
                    + " cannot be opened: stockroom.channels.secret-key is not the key they were sealed with");
        }
    }

    private static byte[] keyBytes(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), "stockroom.channels.secret-key");
        }
        Path file = dataDir.resolve("channels.key");
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            Files.createDirectories(dataDir);
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                Files.writeString(
                        file,
                        Base64.getEncoder().encodeToString(fresh) + "\n",
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another process on the same data directory wrote it first; its key is the key.
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the data directory's permissions.
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the channel secret key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String where) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException(where + " must be the base64 of a 16, 24 or 32 byte AES key");
        }
        return key;
    }
}
