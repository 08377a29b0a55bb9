package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
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
                "http://[::ffff:127.0.0.1]/h",
                "http://192.0.2.10/h",
                "http://198.51.100.7/h",
                "http://203.0.113.9/h",
                "http://[2001:db8::1]/h",
                "http://[2001:db8:ffff::abcd]/h"
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

    @Test
    void theMachinesOwnInterfaceAddressesAreRefused() throws Exception {
        List<InetAddress> own = new ArrayList<>();
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            Collections.list(i.getInetAddresses()).stream()
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .forEach(own::add);
        }
        assumeThat(own).as("this machine has an address other than loopback").isNotEmpty();

        for (InetAddress address : own) {
            String host = address instanceof Inet6Address
                    ? "[" + address.getHostAddress().replaceAll("%.*", "") + "]"
                    : address.getHostAddress();
            assertThat(guarded.problem("http://" + host + ":8080/h")).as(host).isPresent();
        }
    }
}
