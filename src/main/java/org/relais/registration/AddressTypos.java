package org.relais.registration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A relay's address one keystroke away from a common mail provider's ({@code gmial.com}, {@code hotmail.fr}
 * typed {@code hotmal.fr}, {@code gmail.con}): their page asks whether they meant it. Only a question: the
 * address was valid, and is kept until the relay corrects it.
 */
final class AddressTypos {

    /** The providers most relays write from, in France and beyond. */
    private static final List<String> PROVIDERS = List.of("gmail.com", "hotmail.com", "hotmail.fr", "outlook.com",
            "outlook.fr", "live.fr", "yahoo.com", "yahoo.fr", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr",
            "laposte.net", "icloud.com", "gmx.fr", "aol.com");

    /** Other services' own domains one keystroke from a provider's ({@code gmail.com}): an address there is as meant. */
    private static final List<String> OTHER_SERVICES = List.of("ymail.com", "mail.com", "email.com");

    private AddressTypos() {
    }

    /** The address as the relay most likely meant it, when its domain is one keystroke from a provider's and is not one. */
    static Optional<String> meant(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (PROVIDERS.contains(domain) || OTHER_SERVICES.contains(domain)) {
            return Optional.empty();
        }
        return PROVIDERS.stream().filter(p -> oneKeystroke(domain, p)).findFirst()
                .map(p -> email.substring(0, at + 1) + p);
    }

    /** Whether one letter typed wrong, left out, added, or two neighbours swapped, turns {@code a} into {@code b}. */
    static boolean oneKeystroke(String a, String b) {
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences++;
                    first = first < 0 ? i : first;
                }
            }
            return differences == 1 || differences == 2 && first + 1 < a.length()
                    && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
