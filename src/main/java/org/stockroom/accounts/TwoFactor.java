package org.stockroom.accounts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;

/**
 * The second factor of web sign-in: an authenticator app (TOTP), with ten single-use recovery
 * codes for when the phone is lost. Codes count as sign-in attempts for the throttle.
 */
@Service
class TwoFactor {

    static final String ISSUER = "Stockroom";
    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TwoFactor(
            UserRepository users,
            LoginThrottle throttle,
            Audit audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Turns the authenticator on once the user proved it works by entering a current code;
     * answers the recovery codes, which are shown this once and stored only as hashes.
     */
    @Transactional
    List<String> enrol(String username, String secret, String code) {
        UserRepository.Row user = users.find(username).orElseThrow();
        if (user.totpSecret() != null) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "already-enrolled",
                    "An authenticator is already set up for this account");
        }
        OptionalLong step = Totp.match(secret, clean(code), clock.millis());
        if (step.isEmpty()) {
            throw new InvalidRequestException(
                    "code", "does not match; check the time on your phone and try the next code");
        }
        users.setTotp(username, secret, step.getAsLong(), clock.millis());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        users.replaceRecoveryCodes(username, codes.stream().map(Tokens::hash).toList());
        audit.recordAs(username, "user.two-factor-enabled", username, null);
        return codes;
    }

    /**
     * Checks a sign-in code: a current authenticator code not used before, or an unused recovery
     * code. The code is used up in a transaction of its own; the throttle counts the attempt after
     * it, in a transaction of the throttle's, so that a refusal does not roll the count back.
     */
    void verify(String username, String code, String address) {
        throttle.check(username, address);
        Boolean ok = transaction.execute(status -> useUp(username, code));
        if (!Boolean.TRUE.equals(ok)) {
            throttle.failed(username, address);
            throw new InvalidRequestException("code", "is wrong or was already used");
        }
        throttle.succeeded(username);
    }

    private boolean useUp(String username, String code) {
        UserRepository.Row user = users.find(username).orElseThrow();
        String given = clean(code);
        OptionalLong step = Totp.match(user.totpSecret(), given, clock.millis());
        boolean ok = step.isPresent()
                ? users.useTotpStep(username, step.getAsLong())
                : given != null && users.useRecoveryCode(username, Tokens.hash(given.toLowerCase(Locale.ROOT)));
        if (ok && step.isEmpty()) {
            audit.recordAs(username, "user.recovery-code-used", username, null);
        }
        return ok;
    }

    static SecondFactor.QrCode qr(String username, String secret) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            Totp.uri(ISSUER, username, secret),
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 2));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return new SecondFactor.QrCode(matrix.getWidth(), path.toString());
        } catch (WriterException e) {
            throw new IllegalStateException("An otpauth URI always fits a QR code", e);
        }
    }

    private static String clean(String code) {
        return code == null ? null : code.replace(" ", "").strip();
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }
}
