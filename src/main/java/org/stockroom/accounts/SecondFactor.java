package org.stockroom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the sign-in pages may ask of the second factor: check a code, enrol an authenticator, and
 * finish a sign-in. The pages live with the other pages in {@code web}; the secrets, the throttle
 * and the session's authorities stay here.
 */
@Component
public class SecondFactor {

    /** The QR code of an enrolment URI as SVG path data, one unit square per dark module. */
    public record QrCode(int size, String path) {}

    private final TwoFactor twoFactor;
    private final WebSignIn signIn;
    private final UserRepository users;

    SecondFactor(TwoFactor twoFactor, WebSignIn signIn, UserRepository users) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.users = users;
    }

    /**
     * Accepts a current authenticator code or an unused recovery code.
     *
     * @throws RateLimitedException after too many wrong codes
     * @throws org.stockroom.support.DomainException when the code is wrong or was used already
     */
    public void verify(String username, String code, String address) {
        twoFactor.verify(username, code, address);
    }

    public boolean isEnabled(String username) {
        return users.find(username).orElseThrow().totpSecret() != null;
    }

    public String newSecret() {
        return Totp.newSecret();
    }

    public QrCode qr(String username, String secret) {
        return TwoFactor.qr(username, secret);
    }

    /** Turns the authenticator on once a current code proves it works; answers the recovery codes, shown this once. */
    public List<String> enrol(String username, String secret, String code) {
        return twoFactor.enrol(username, secret, code);
    }

    /** Completes a half sign-in and sends the browser where it was heading. */
    public void complete(HttpServletRequest request, HttpServletResponse response, String username) throws IOException {
        signIn.complete(request, response, username);
    }

    /** Gives the session the account's full role under a new session id, without redirecting. */
    public void grant(HttpServletRequest request, HttpServletResponse response, String username) {
        signIn.grant(request, response, username);
    }
}
