package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.ApiTestSupport;

class WebSignInTests extends ApiTestSupport {

    @Test
    void theSignInPageIsPublicAndSendsStrictSecurityHeaders() {
        HttpResponse<String> page = new Browser(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.body()).contains("name=\"_csrf\"");
    }

    @Test
    void aPageWithoutSignInRedirectsToTheSignInPage() {
        HttpResponse<String> page = new Browser(port).get("/account/two-factor");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void signingInLeadsToThePageAskedForEvenWhenAnOpenPageRefreshedItselfMeanwhile() {
        Browser browser = new Browser(port);
        assertThat(browser.get("/purchase-orders").statusCode()).isEqualTo(302);
        // The dashboard left open in another tab refreshes itself on a live alert, after the session ended.
        assertThat(browser.htmx("/").statusCode()).isEqualTo(401);
        browser.get("/login");

        HttpResponse<String> signIn = browser.post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(java.net
                        .URI
                        .create(signIn.headers().firstValue("Location").orElse(""))
                        .getPath())
                .isEqualTo("/purchase-orders");
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        Browser browser = new Browser(port);
        browser.get("/login");

        HttpResponse<String> response =
                browser.postRaw("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/account/two-factor").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInGivesANewHttpOnlySessionAndSigningOutEndsIt() {
        Browser browser = new Browser(port);
        browser.get("/login");
        String before = browser.cookies.get("JSESSIONID");

        HttpResponse<String> signIn = browser.post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .contains("JSESSIONID")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(browser.cookies.get("JSESSIONID")).isNotEqualTo(before);
        assertThat(browser.get("/account/two-factor").statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = browser.post("/logout", Map.of());

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account/two-factor").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordShowsTheFormAgain() {
        assertThat(new Browser(port).signIn("admin", "not-the-password")).endsWith("/login?error");
    }

    @Test
    void aBrowserWhoseRoleIsTooLowGetsTheNotAllowedPageAndNotJson() {
        as("vera", "VIEWER");
        Browser browser = new Browser(port);
        browser.signIn("vera", USER_PASSWORD);

        HttpResponse<String> settings = browser.get("/settings");
        HttpResponse<String> sale = browser.post("/sales", Map.of("sku", "ANY", "quantity", "1"));

        for (HttpResponse<String> refused : List.of(settings, sale)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.body())
                    .contains("Not allowed")
                    .contains("Your role does not allow")
                    .doesNotContain("\"code\"");
        }
    }

    @Test
    void aStateChangingFormWithoutTheCsrfTokenIsRefusedAfterSignIn() {
        Browser browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);

        HttpResponse<String> response = browser.postRaw("/account/two-factor", Map.of("code", "123456"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anAuthenticatorIsEnrolledWithACodeAndThenAskedForAtSignIn() {
        Browser browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);
        HttpResponse<String> enrolment = browser.get("/account/two-factor");
        assertThat(enrolment.body()).contains("<svg");
        String secret = secretOn(enrolment.body());

        assertThat(browser.post("/account/two-factor", Map.of("code", "000000")).statusCode())
                .isEqualTo(400);
        HttpResponse<String> enabled = browser.post(
                "/account/two-factor", Map.of("code", Totp.code(secret, Totp.step(System.currentTimeMillis()))));
        assertThat(enabled.statusCode()).isEqualTo(200);
        Matcher codes =
                Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>").matcher(enabled.body());
        assertThat(codes.find()).isTrue();
        String recovery = codes.group(1);

        Browser later = new Browser(port);
        assertThat(later.signIn("admin", ADMIN_PASSWORD)).endsWith("/login/code");
        assertThat(later.get("/account/two-factor").statusCode())
                .as("half signed in")
                .isEqualTo(403);
        assertThat(later.post("/login/code", Map.of("code", "123456")).statusCode())
                .isEqualTo(400);
        HttpResponse<String> withRecovery = later.post("/login/code", Map.of("code", recovery));
        assertThat(withRecovery.statusCode()).isEqualTo(302);
        assertThat(later.get("/account/two-factor").statusCode()).isEqualTo(200);

        Browser again = new Browser(port);
        again.signIn("admin", ADMIN_PASSWORD);
        assertThat(again.post("/login/code", Map.of("code", recovery)).statusCode())
                .as("a recovery code works once")
                .isEqualTo(400);
        assertThat(api.get("/api/products").status())
                .as("a password alone no longer opens the API")
                .isEqualTo(401);
    }

    private static String secretOn(String page) {
        Matcher m = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
