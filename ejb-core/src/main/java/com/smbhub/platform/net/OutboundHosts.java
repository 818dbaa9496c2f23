package com.smbhub.platform.net;

import com.smbhub.platform.errors.ValidationException.FieldError;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hosts a business types (its SMTP server today; IMAP, SMS and POS next) are reached only on the public
 * internet and only on their service's ports: a host that resolves to a loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, multicast or unspecified address is refused, so a setting cannot
 * be used to map or reach our own network. Hosts named in {@code smbhub.outbound.allowed-hosts}
 * (self-hosters, the development mail server) skip both checks.
 */
public final class OutboundHosts {

    /** SMTP submission and relay ports. */
    public static final Set<Integer> MAIL_PORTS = Set.of(25, 465, 587, 2525);

    private OutboundHosts() {
    }

    /** The allow-list from its configuration value (comma separated, case-insensitive). */
    public static Set<String> allowList(String configured) {
        return configured == null ? Set.of() : Arrays.stream(configured.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Adds a field error at {@code host} or {@code port} when a business's server may not be reached there. */
    public static void check(String host, int port, Set<Integer> ports, Set<String> allowed, List<FieldError> errors) {
        if (allowed.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!ports.contains(port)) {
            errors.add(new FieldError("port", "One of the ports " + ports.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", "))));
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (Arrays.stream(addresses).anyMatch(a -> !isPublic(a))) {
                errors.add(new FieldError("host", "Use your mail provider's public server name"));
            }
        } catch (UnknownHostException | SecurityException e) {
            errors.add(new FieldError("host", "No server by this name was found"));
        }
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // 0/8, carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240; // benchmarking, reserved
        }
        if (a instanceof Inet6Address six) {
            if (six.isIPv4CompatibleAddress()) {
                return false;
            }
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
