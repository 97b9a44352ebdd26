package com.buildcrm.web;

import com.buildcrm.config.ScaleOutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address as the login throttle counts it: the TCP peer, unless the peer is one of
 * {@code BUILDCRM_TRUSTED_PROXIES} — then the nearest address in {@code X-Forwarded-For} that is
 * not a trusted proxy (read from the right: everything left of the first untrusted hop may be
 * forged by the client). Without trusted proxies the header is ignored, so a client cannot choose
 * its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject ScaleOutSettings settings;

    private volatile List<Cidr> trusted;

    public String of(HttpServletRequest request) {
        List<Cidr> t = trusted;
        if (t == null) {
            t = parse(settings.trustedProxies());
            trusted = t;
        }
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), t);
    }

    /** Parses {@code BUILDCRM_TRUSTED_PROXIES} entries: addresses or CIDR blocks, IPv4 or IPv6. */
    public static List<Cidr> parse(List<String> entries) {
        return entries.stream().map(Cidr::parse).toList();
    }

    /** The client address given the TCP peer, the forwarded header and the trusted proxies. */
    public static String resolve(String peer, String forwardedFor, List<Cidr> trusted) {
        if (forwardedFor == null || trusted.isEmpty() || !matches(peer, trusted)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop).isEmpty()) {
                return client; // garbage from here on: the last good hop
            }
            client = hop;
            if (!matches(hop, trusted)) {
                return hop;
            }
        }
        return client;
    }

    private static boolean matches(String address, List<Cidr> trusted) {
        Optional<InetAddress> a = literal(address);
        return a.isPresent() && trusted.stream().anyMatch(c -> c.contains(a.get()));
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** An IP literal only — never a DNS lookup. */
    static Optional<InetAddress> literal(String s) {
        if (s == null || !IP_LITERAL.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String entry) {
            String s = entry.trim();
            int slash = s.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? s : s.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalStateException(
                        "BUILDCRM_TRUSTED_PROXIES: '" + entry + "' is no IP address or CIDR block");
            }
            byte[] bytes = address.get().getAddress();
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalStateException(
                        "BUILDCRM_TRUSTED_PROXIES: '" + entry + "' has an invalid prefix length");
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
