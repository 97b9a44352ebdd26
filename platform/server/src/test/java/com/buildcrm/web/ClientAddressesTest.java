package com.buildcrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.web.ClientAddresses.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final List<Cidr> PROXY = ClientAddresses.parse(List.of("10.0.0.0/8", "::1"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddresses.resolve("203.0.113.9", "1.2.3.4", List.of()))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(ClientAddresses.resolve("203.0.113.9", "1.2.3.4", PROXY))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        // the client forged "1.2.3.4"; the proxy appended the real peer 198.51.100.7
        assertThat(ClientAddresses.resolve("10.1.2.3", "1.2.3.4, 198.51.100.7", PROXY))
                .isEqualTo("198.51.100.7");
        // two proxies in a row
        assertThat(ClientAddresses.resolve("::1", "198.51.100.7, 10.9.9.9", PROXY))
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.resolve("10.1.2.3", null, PROXY)).isEqualTo("10.1.2.3");
    }

    @Test
    void garbageInTheHeaderIsNeverTakenForAnAddress() {
        assertThat(ClientAddresses.resolve("10.1.2.3", "evil.example, nonsense", PROXY))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void aMistypedProxyListIsRefused() {
        assertThatThrownBy(() -> ClientAddresses.parse(List.of("proxy.local")))
                .hasMessageContaining("proxy.local");
        assertThatThrownBy(() -> ClientAddresses.parse(List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix");
    }
}
