package org.stockroom.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.support.StockroomProperties;

class SecretBoxTests {

    @TempDir
    Path dataDir;

    private SecretBox box(String key) {
        return new SecretBox(properties(key, false), store());
    }

    private StockroomProperties store() {
        return new StockroomProperties(
                java.util.Currency.getInstance("USD"),
                java.time.ZoneId.of("UTC"),
                dataDir,
                Duration.ofHours(48),
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                "system",
                true);
    }

    static ChannelProperties properties(String key, boolean allowPrivate) {
        return new ChannelProperties(
                key,
                allowPrivate,
                "2025-01",
                Duration.ofMillis(500),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                List.of(Duration.ofSeconds(1)),
                "0 30 3 * * *",
                true);
    }

    @Test
    void aSealedSecretOpensOnlyForItsChannelAndNeverReadsAsPlainText() {
        SecretBox box = box(null);
        String sealed = box.seal("channel-a", "shpat_secret");
        assertThat(sealed).doesNotContain("shpat_secret");
        assertThat(box.seal("channel-a", "shpat_secret")).isNotEqualTo(sealed);
        assertThat(box.open("channel-a", sealed)).isEqualTo("shpat_secret");
        assertThatThrownBy(() -> box.open("channel-b", sealed))
                .hasMessageContaining("channel-b")
                .hasMessageNotContaining("shpat_secret");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoTheDataDirectoryOnceAndReusedAfterARestart() throws Exception {
        String sealed = box(null).seal("c", "value");
        Path keyFile = dataDir.resolve("channels.key");
        assertThat(keyFile).exists();
        String key = Files.readString(keyFile);
        assertThat(box(null).open("c", sealed)).isEqualTo("value");
        assertThat(Files.readString(keyFile)).isEqualTo(key);
    }

    @Test
    void aConfiguredKeyIsUsedAndAnotherKeyCannotOpenWhatItSealed() {
        String keyA = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String sealed = box(keyA).seal("c", "value");
        assertThat(dataDir.resolve("channels.key")).doesNotExist();
        assertThatThrownBy(() -> box(Base64.getEncoder().encodeToString(other)).open("c", sealed))
                .hasMessageContaining("stockroom.channels.secret-key");
        assertThatThrownBy(() -> box(Base64.getEncoder().encodeToString(new byte[7])))
                .hasMessageContaining("16, 24 or 32 byte");
    }

    @Test
    void webhookSignaturesAreCheckedOverTheRawBytes() {
        byte[] body = "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String good = Payloads.sign("{\"id\":1}", "s3cret");
        assertThat(Channels.signed(body, good, "s3cret")).isTrue();
        assertThat(Channels.signed(body, good, "other")).isFalse();
        assertThat(Channels.signed("{\"id\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), good, "s3cret"))
                .isFalse();
        assertThat(Channels.signed(body, "not base64!", "s3cret")).isFalse();
    }

    @Test
    void channelUrlsOnPrivateAddressesAreRefusedUnlessAllowed() {
        PlatformHttp guarded = new PlatformHttp(properties(null, false));
        PlatformHttp open = new PlatformHttp(properties(null, true));
        for (String url :
                List.of("http://127.0.0.1:8080", "https://10.0.0.5", "http://[::1]/", "http://169.254.169.254")) {
            assertThat(guarded.addressProblem(url))
                    .as(url)
                    .hasValueSatisfying(p -> assertThat(p).contains("stockroom.channels.allow-private-addresses"));
            assertThat(open.addressProblem(url)).as(url).isEmpty();
        }
        assertThat(guarded.addressProblem("ftp://shop.example")).isPresent();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(PlatformHttp.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(PlatformHttp.retryAfter(null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PlatformHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }
}
