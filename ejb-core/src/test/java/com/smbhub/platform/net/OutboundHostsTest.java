package com.smbhub.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException.FieldError;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A business's server is reached only on the public internet and on its service's ports. */
class OutboundHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "198.18.0.1", "240.0.0.1"})
    void addressesOfOurOwnNetworkAreNotPublic(String address) throws Exception {
        assertFalse(OutboundHosts.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
    void internetAddressesArePublic(String address) throws Exception {
        assertTrue(OutboundHosts.isPublic(InetAddress.getByName(address)), address);
    }

    private static List<String> fields(String host, int port, Set<String> allowed) {
        List<FieldError> errors = new ArrayList<>();
        OutboundHosts.check(host, port, OutboundHosts.MAIL_PORTS, allowed, errors);
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aHostOfOurNetworkOrAPortThatIsNotMailIsRefusedAtItsField() {
        assertEquals(List.of("host"), fields("localhost", 587, Set.of()));
        assertEquals(List.of("host"), fields("169.254.169.254", 25, Set.of()));
        assertEquals(List.of("port"), fields("93.184.216.34", 22, Set.of()));
        assertEquals(List.of(), fields("93.184.216.34", 465, Set.of()));
        assertEquals(List.of("host"), fields("no-such-host.invalid", 587, Set.of()));
    }

    @Test
    void theAllowListIsForSelfHostersAndTheDevelopmentServer() {
        assertEquals(List.of(), fields("127.0.0.1", 3025, OutboundHosts.allowList(" 127.0.0.1, LocalHost ")));
        assertEquals(List.of(), fields("localhost", 9, OutboundHosts.allowList("127.0.0.1,localhost")));
    }
}
