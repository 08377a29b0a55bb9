package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTests {

    private final WebhookUrls guarded =
            new WebhookUrls(new WebhookProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    private final WebhookUrls open =
            new WebhookUrls(new WebhookProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/h",
                "http://localhost:8080/h",
                "http://10.1.2.3/h",
                "https://192.168.0.10/h",
                "http://172.16.5.4/h",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/h",
                "http://100.64.0.1/h",
                "http://[::1]/h",
                "http://[fd00::1]/h",
                "http://[fe80::1]/h",
                "http://[::ffff:127.0.0.1]/h"
            })
    void localAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(guarded.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("private"));
        assertThat(open.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hooks", "https://8.8.8.8:8443/x?y=1", "http://[2606:4700::1111]/h"})
    void publicAddressesAreAccepted(String url) {
        assertThat(guarded.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://93.184.216.34/x",
                "file:///etc/passwd",
                "93.184.216.34/x",
                "http:///x",
                "http://user:pw@93.184.216.34/x",
                "http://93.184.216.34/x#frag",
                "http://exa mple.com/"
            })
    void onlyPlainHttpAndHttpsUrlsAreAccepted(String url) {
        assertThat(guarded.problem(url)).isPresent();
        assertThat(open.problem(url)).isPresent();
    }
}
